using Microsoft.Extensions.DependencyInjection;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.PersonCrop.Detection;
using VfeTps.Stream.PersonCrop.Tests.Support;

namespace VfeTps.Stream.PersonCrop.Tests.Stage;

/// <summary>The stage under less common conditions: a full crop stream, a detector change, an ONNX camera, a failing blob store.</summary>
public sealed class PersonCropStageScenarioTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_full_crop_stream_makes_the_stage_wait_and_no_crop_is_lost()
    {
        var token = TestContext.Current.CancellationToken;
        var frames = TwoWalkers(new SyntheticScene(480, 240));

        var expected = await CropIdsAsync(frames, cropCapacity: 1000, token);
        var throttled = await CropIdsAsync(frames, cropCapacity: 1, token);

        Assert.True(expected.Count >= 2, $"expected crops of both walkers, got {expected.Count}");
        Assert.Equal(expected, throttled);
    }

    [Fact]
    public async Task A_camera_switched_to_another_detector_gets_it_from_its_next_frames()
    {
        var token = TestContext.Current.CancellationToken;
        var scene = new SyntheticScene();
        using var factory = new InterceptingDetectorFactory(new PersonCropOptions());
        await using var stage = await StageHost.StartAsync(configure: services => services.AddSingleton<IPersonDetectorFactory>(factory), cancellationToken: token);
        var walk = scene.Walk("cam-a", 6, Start, leadIn: 0);

        await stage.PublishAsync(walk.Take(3), token);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (factory.Requested.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The camera's first frame was not processed within 30 s.");
            await Task.Delay(10, token);
        }

        stage.Cameras.Set(new CameraSpec("cam-a", "Gate", "gate.mp4", Detector: DetectorKinds.Hog)); // as CameraAdded does
        await stage.PublishAsync(walk.Skip(3), token);
        await stage.FinishAsync(token);

        Assert.Equal([DetectorKinds.Motion, DetectorKinds.Hog], factory.Requested);
    }

    [Fact]
    public async Task A_camera_on_the_onnx_detector_gets_crops_of_what_the_model_reports()
    {
        var token = TestContext.Current.CancellationToken;
        using var models = new TempDirectory();
        // A "model" that always sees one person at input (24..40, 12..52) of its 64×64 input.
        float[,] head = { { 32f }, { 32f }, { 16f }, { 40f }, { .9f } };
        var settings = new Dictionary<string, string?>
        {
            ["PersonCrop:DefaultDetector"] = "onnx",
            ["PersonCrop:Onnx:ModelPath"] = YoloTestModels.ConstantHead(models, 64, head),
            ["PersonCrop:Onnx:ExecutionProvider"] = "Cpu",
        };
        await using var stage = await StageHost.StartAsync(settings, cancellationToken: token);
        var scene = new SyntheticScene(320, 240);

        // 320×240 into 64×64: scale 0.2, content rows 8..56, so frame = (input − (0, 8)) / 0.2.
        await stage.PublishAsync(Enumerable.Range(0, 5).Select(i => new FrameCaptured("cam-a", i, Start.AddMilliseconds(200 * i), scene.Frame())), token);
        var crops = await stage.FinishAsync(token);

        var crop = Assert.Single(crops);
        Assert.Equal(new BoundingBox(120, 20, 80, 200), crop.Box);
        Assert.Empty(stage.DeadLetters.Letters);
    }

    [Fact]
    public async Task A_detector_failing_on_every_frame_is_replaced_by_motion_after_ten_failures()
    {
        var token = TestContext.Current.CancellationToken;
        using var models = new TempDirectory();
        var settings = new Dictionary<string, string?>
        {
            ["PersonCrop:DefaultDetector"] = "onnx",
            ["PersonCrop:Onnx:ModelPath"] = YoloTestModels.TooFewChannels(models, 64), // opens, but its output is not a detection head
            ["PersonCrop:Onnx:ExecutionProvider"] = "Cpu",
        };
        await using var stage = await StageHost.StartAsync(settings, cancellationToken: token);
        var scene = new SyntheticScene();

        await stage.PublishAsync(scene.Walk("cam-a", 30, Start), token);
        var crops = await stage.FinishAsync(token);

        var letters = stage.DeadLetters.Letters;
        Assert.Equal(11, letters.Count);
        Assert.All(letters.Take(10), l => Assert.Contains("onnx detector failed on this frame: InvalidDataException", l.Reason, StringComparison.Ordinal));
        Assert.Contains("uses the motion detector", letters[10].Reason, StringComparison.Ordinal);
        Assert.NotEmpty(crops); // the motion detector found the walker
    }

    [Fact]
    public async Task A_blob_store_that_refuses_crops_dead_letters_them_and_the_stage_goes_on()
    {
        var token = TestContext.Current.CancellationToken;
        await using var stage = await StageHost.StartAsync(cancellationToken: token);
        // A file where the crops folder should be: every crop put fails with an IOException, as on a broken disk.
        await File.WriteAllTextAsync(Path.Combine(stage.Blobs.RootDirectory, "crops"), "in the way", token);
        var scene = new SyntheticScene();

        await stage.PublishAsync(scene.Walk("cam-a", 30, Start), token);
        await stage.PublishAsync(scene.Walk("cam-b", 30, Start.AddMinutes(1)), token);
        var crops = await stage.FinishAsync(token);

        Assert.Empty(crops); // nothing announced whose JPEG is not there
        var letters = stage.DeadLetters.Letters;
        Assert.Contains(letters, l => l.Key == "cam-a" && l.Reason.Contains("could not be stored or published", StringComparison.Ordinal));
        Assert.Contains(letters, l => l.Key == "cam-b" && l.Reason.Contains("could not be stored or published", StringComparison.Ordinal));
        Assert.All(letters, l => Assert.Matches(@"^crop=cam-[ab]\.\d+\.0 ", l.Payload!));
    }

    private static List<FrameCaptured> TwoWalkers(SyntheticScene scene) =>
        [.. Enumerable.Range(0, SyntheticScene.LeadIn + 30).Select(i =>
        {
            var t = i - SyntheticScene.LeadIn;
            var image = t < 0 ? scene.Frame() : scene.Frame((20 + (6 * t), 70), (400 - (5 * t), 110));
            return new FrameCaptured("cam-a", i, Start.AddMilliseconds(200 * i), image);
        })];

    private static async Task<List<string>> CropIdsAsync(List<FrameCaptured> frames, int cropCapacity, CancellationToken token)
    {
        await using var stage = await StageHost.StartAsync(cancellationToken: token, cropCapacity: cropCapacity);
        // The reader starts first and drains as the Embedder would; with capacity 1 the stage waits on every crop.
        var reader = Task.Run(
            async () =>
            {
                var ids = new List<string>();
                await foreach (var crop in stage.Crops.ReadAllAsync(token))
                    ids.Add(crop.CropId);
                return ids;
            },
            token);
        await stage.PublishAsync(frames, token);
        var rest = await stage.FinishAsync(token);
        var read = await reader;
        return [.. read.Concat(rest.Select(crop => crop.CropId)).Order(StringComparer.Ordinal)];
    }
}
