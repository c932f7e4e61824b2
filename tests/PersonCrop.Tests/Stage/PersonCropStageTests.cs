using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenCvSharp;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.PersonCrop.Cropping;
using VfeTps.Stream.PersonCrop.Detection;
using VfeTps.Stream.PersonCrop.Tests.Support;
using VfeTps.Stream.PersonCrop.Tracking;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.PersonCrop.Tests.Stage;

public sealed class PersonCropStageTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Frames_of_a_walking_figure_become_crops_with_JPEGs_in_the_blob_store()
    {
        var token = TestContext.Current.CancellationToken;
        var scene = new SyntheticScene();
        await using var stage = await StageHost.StartAsync(cancellationToken: token);

        await stage.PublishAsync(scene.Walk("cam-a", 30, Start), token);
        var crops = await stage.FinishAsync(token);

        var crop = Assert.Single(crops); // one steady figure: one track, one shot
        Assert.Equal("cam-a", crop.CameraId);
        Assert.Equal(CropIds.Create("cam-a", crop.TrackId, crop.ShotIndex), crop.CropId);
        Assert.Equal((BlobKeys.Crop(crop.CropId), BlobKeys.Frame("cam-a", crop.CaptureTime.ToUnixTimeMilliseconds())), (crop.CropKey, crop.FrameKey));
        Assert.InRange(crop.Quality, 0.3f, 1f);
        Assert.True(TrackIds.FirstCaptureOf(crop.TrackId) >= Start);

        // Soon after the track is confirmed (third hit), not at the end of the walk: the best of the first three frames.
        var frameIndex = (int)((crop.CaptureTime - Start).TotalMilliseconds / 200);
        Assert.InRange(frameIndex, SyntheticScene.LeadIn, SyntheticScene.LeadIn + 2);
        var truth = SyntheticScene.FigureBox(20 + (6 * (frameIndex - SyntheticScene.LeadIn)), 70);
        Assert.True(crop.Box.IntersectionOverUnion(truth) > 0.6, $"crop box {crop.Box}, figure at {truth}");

        using var cropImage = await DecodeAsync(stage.Blobs, crop.CropKey, token);
        var region = CropGeometry.WithMargin(crop.Box, new PersonCropOptions().CropMargin, scene.Width, scene.Height);
        Assert.Equal((region.Width, region.Height), (cropImage.Width, cropImage.Height));
        using var frameImage = await DecodeAsync(stage.Blobs, crop.FrameKey, token);
        Assert.Equal((scene.Width, scene.Height), (frameImage.Width, frameImage.Height));
        Assert.Empty(stage.DeadLetters.Letters);
    }

    [Fact]
    public async Task Two_figures_give_two_tracks_with_ids_from_their_first_frames()
    {
        var token = TestContext.Current.CancellationToken;
        var scene = new SyntheticScene(480, 240);
        const int lead = SyntheticScene.LeadIn;
        const int secondAt = lead + 8;
        var frames = Enumerable.Range(0, lead + 25).Select(i => new FrameCaptured("cam-a", i, Start.AddMilliseconds(200 * i), i switch
        {
            < lead => scene.Frame(),
            < secondAt => scene.Frame((20 + (6 * (i - lead)), 70)),
            _ => scene.Frame((20 + (6 * (i - lead)), 70), (420 - (6 * (i - secondAt)), 100)),
        }));
        await using var stage = await StageHost.StartAsync(cancellationToken: token);

        await stage.PublishAsync(frames, token);
        var crops = await stage.FinishAsync(token);

        var tracks = crops.GroupBy(crop => crop.TrackId).ToList();
        Assert.Equal(2, tracks.Count);
        Assert.All(tracks, track => Assert.Equal(Enumerable.Range(0, track.Count()), track.Select(crop => crop.ShotIndex)));
        var firstSeen = tracks.Select(track => TrackIds.FirstCaptureOf(track.Key)).Order().ToList();
        Assert.Equal(Start.AddMilliseconds(200 * lead), firstSeen[0]);
        Assert.Equal(Start.AddMilliseconds(200 * secondAt), firstSeen[1]);
    }

    [Fact]
    public async Task Malformed_events_are_dead_lettered_with_reasons_while_other_cameras_still_give_crops()
    {
        var token = TestContext.Current.CancellationToken;
        var scene = new SyntheticScene();
        var a = scene.Walk("cam-a", 25, Start);
        var b = scene.Walk("cam-b", 25, Start, startX: 200, step: -6);
        var events = new List<FrameCaptured>();
        for (var i = 0; i < a.Count; i++)
        {
            events.Add(a[i]);
            events.Add(b[i]);
            switch (i - SyntheticScene.LeadIn)
            {
                case 5:
                    events.Add(new FrameCaptured("cam-b", 1000, Start.AddSeconds(1.1), null!));
                    events.Add(null!);
                    break;
                case 8:
                    events.Add(new FrameCaptured("cam-b", 1001, Start.AddSeconds(1.7), WrongSizeFrame()));
                    events.Add(new FrameCaptured("Cam B!", 1002, Start.AddSeconds(1.7), scene.Frame()));
                    break;
                case 10:
                    events.Add(a[3] with { Sequence = 1003 }); // captured long before cam-a's last frame
                    events.Add(new FrameCaptured("cam-b", 1004, DateTimeOffset.UnixEpoch.AddDays(-1), scene.Frame()));
                    break;
            }
        }

        await using var stage = await StageHost.StartAsync(cancellationToken: token);
        await stage.PublishAsync(events, token);
        var crops = await stage.FinishAsync(token);

        Assert.Contains(crops, crop => crop.CameraId == "cam-a");
        Assert.Contains(crops, crop => crop.CameraId == "cam-b");
        var letters = stage.DeadLetters.Letters;
        Assert.Equal(6, letters.Count);
        Assert.All(letters, letter => Assert.Equal("PersonCrop", letter.Stage));
        Assert.All(letters, letter => Assert.True(letter.Payload is null || letter.Payload.Length < 300));
        Assert.Contains(letters, l => l.Key == "cam-b" && l.Reason.Contains("no frame", StringComparison.Ordinal));
        Assert.Contains(letters, l => l.Key is null && l.Reason == "The event is null.");
        Assert.Contains(letters, l => l.Key == "cam-b" && l.Reason.Contains("needs 230400 bytes, but it has 100", StringComparison.Ordinal));
        Assert.Contains(letters, l => l.Key is null && l.Reason.Contains("'Cam B!' is not a camera id", StringComparison.Ordinal));
        Assert.Contains(letters, l => l.Key == "cam-a" && l.Reason.Contains("before the camera's last frame", StringComparison.Ordinal));
        Assert.Contains(letters, l => l.Key == "cam-b" && l.Reason.Contains("before 1970", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Processing_the_same_frames_twice_gives_the_same_crop_ids_boxes_and_JPEGs()
    {
        var token = TestContext.Current.CancellationToken;
        var scene = new SyntheticScene(480, 240);
        var frames = Enumerable.Range(0, SyntheticScene.LeadIn + 30).Select(i =>
        {
            var t = i - SyntheticScene.LeadIn;
            var image = t < 0 ? scene.Frame() : scene.Frame((20 + (6 * t), 70), (400 - (5 * t), 110));
            return new FrameCaptured("cam-a", i, Start.AddMilliseconds(200 * i), image);
        }).ToList();

        async Task<List<(PersonCropped Crop, byte[] Jpeg)>> RunAsync()
        {
            await using var stage = await StageHost.StartAsync(cancellationToken: token);
            await stage.PublishAsync(frames, token);
            var crops = await stage.FinishAsync(token);
            var result = new List<(PersonCropped, byte[])>();
            foreach (var crop in crops.OrderBy(crop => crop.CropId, StringComparer.Ordinal))
                result.Add((crop, (await stage.Blobs.GetAsync(crop.CropKey, token))!));
            return result;
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.True(first.Count >= 2, $"expected crops of both figures, got {first.Count}");
        Assert.Equal(first.Select(x => x.Crop), second.Select(x => x.Crop));
        Assert.Equal(first.Select(x => Convert.ToHexString(x.Jpeg)), second.Select(x => Convert.ToHexString(x.Jpeg)));
    }

    [Fact]
    public async Task A_detector_failure_on_one_frame_is_dead_lettered_and_the_camera_goes_on_with_the_same_track()
    {
        var token = TestContext.Current.CancellationToken;
        var scene = new SyntheticScene();
        using var factory = new InterceptingDetectorFactory(new PersonCropOptions());
        factory.FailingCalls.Add(SyntheticScene.LeadIn + 8); // the figure's ninth frame, its track well established
        await using var stage = await StageHost.StartAsync(configure: services => services.AddSingleton<IPersonDetectorFactory>(factory), cancellationToken: token);

        await stage.PublishAsync(scene.Walk("cam-a", 30, Start), token);
        var crops = await stage.FinishAsync(token);

        var letter = Assert.Single(stage.DeadLetters.Letters);
        Assert.Equal("cam-a", letter.Key);
        Assert.Contains("motion detector failed on this frame", letter.Reason, StringComparison.Ordinal);
        Assert.Contains($"sequence={SyntheticScene.LeadIn + 8} ", letter.Payload, StringComparison.Ordinal);
        Assert.NotEmpty(crops);
        Assert.Single(crops.Select(crop => crop.TrackId).Distinct());
    }

    [Fact]
    public async Task Each_camera_gets_the_detector_the_directory_or_a_control_event_names_and_unknown_cameras_the_default()
    {
        var token = TestContext.Current.CancellationToken;
        var scene = new SyntheticScene();
        using var factory = new InterceptingDetectorFactory(new PersonCropOptions());
        await using var stage = await StageHost.StartAsync(
            configure: services =>
            {
                services.AddSingleton<IPersonDetectorFactory>(factory);
                services.AddSingleton<ICameraDirectory>(new FixedCameraDirectory(new CameraSpec("cam-dir", "Lobby", "lobby.mp4", Detector: DetectorKinds.Hog)));
            },
            cancellationToken: token);
        stage.Cameras.Set(new CameraSpec("cam-event", "Gate", "gate.mp4", Detector: DetectorKinds.Hog));

        foreach (var camera in new[] { "cam-dir", "cam-event", "cam-unknown" })
            await stage.PublishAsync(scene.Walk(camera, 2, Start, leadIn: 0), token);
        await stage.FinishAsync(token);

        Assert.Equal([DetectorKinds.Hog, DetectorKinds.Hog, DetectorKinds.Motion], factory.Requested.Order());
        Assert.Empty(stage.DeadLetters.Letters);
    }

    [Fact]
    public async Task A_camera_whose_onnx_model_is_missing_falls_back_to_motion_and_says_so()
    {
        var token = TestContext.Current.CancellationToken;
        var scene = new SyntheticScene();
        await using var stage = await StageHost.StartAsync(cancellationToken: token);
        stage.Cameras.Set(new CameraSpec("cam-a", "Gate", "gate.mp4", Detector: DetectorKinds.Onnx));

        await stage.PublishAsync(scene.Walk("cam-a", 20, Start), token);
        var crops = await stage.FinishAsync(token);

        var letter = Assert.Single(stage.DeadLetters.Letters);
        Assert.Contains("onnx detector could not be created", letter.Reason, StringComparison.Ordinal);
        Assert.Contains("ModelPath", letter.Reason, StringComparison.Ordinal);
        Assert.NotEmpty(crops);
    }

    [Fact]
    public async Task Removing_a_camera_drops_its_tracks_so_its_later_frames_start_new_ones()
    {
        var token = TestContext.Current.CancellationToken;
        var scene = new SyntheticScene(640, 240);
        var walk = scene.Walk("cam-a", 80, Start);
        const int removeAfter = SyntheticScene.LeadIn + 15;
        var resumeAt = walk[removeAfter].CaptureTime;

        async Task<(List<PersonCropped> Early, List<PersonCropped> Late)> RunAsync(bool remove)
        {
            // Removed between the two parts of the walk: the later frames are captured after the removal.
            var clock = new FakeTimeProvider(resumeAt.AddMilliseconds(-100));
            await using var stage = await StageHost.StartAsync(configure: services => services.AddSingleton<TimeProvider>(clock), cancellationToken: token);
            await stage.PublishAsync(walk.Take(removeAfter), token);
            var early = await stage.ReadCropsUntilAsync(crop => crop.CameraId == "cam-a", TimeSpan.FromSeconds(30), token);
            if (remove)
                stage.Cameras.Remove("cam-a"); // what the CameraRemoved consumer does
            await stage.PublishAsync(walk.Skip(removeAfter), token);
            return (early, await stage.FinishAsync(token));
        }

        var kept = await RunAsync(remove: false);
        var dropped = await RunAsync(remove: true);

        // Without the removal the figure is one track throughout; after it, the camera starts from nothing.
        Assert.Single(kept.Early.Concat(kept.Late).Select(crop => crop.TrackId).Distinct());
        var earlyTracks = dropped.Early.Select(crop => crop.TrackId).ToHashSet();
        var lateTracks = dropped.Late.Where(crop => crop.CaptureTime >= resumeAt).Select(crop => crop.TrackId).Distinct().ToList();
        Assert.NotEmpty(lateTracks);
        Assert.All(lateTracks, track => Assert.DoesNotContain(track, earlyTracks));
        Assert.All(lateTracks, track => Assert.True(TrackIds.FirstCaptureOf(track) > TrackIds.FirstCaptureOf(earlyTracks.Max())));
    }

    private static async Task<Mat> DecodeAsync(IBlobStore blobs, string key, CancellationToken token)
    {
        var bytes = await blobs.GetAsync(key, token);
        Assert.NotNull(bytes);
        var image = Cv2.ImDecode(bytes, ImreadModes.Color);
        Assert.False(image.Empty(), $"{key} is not a decodable JPEG");
        return image;
    }

    // A frame whose pixel buffer does not match its size: what a serializer that fills fields directly could
    // hand over. VideoFrame's constructor refuses this, so the test sets the field behind it (a forged frame).
    private static VideoFrame WrongSizeFrame()
    {
        var frame = new VideoFrame(320, 240, new byte[320 * 240 * 3]);
        typeof(VideoFrame).GetField("<Bgr>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic)!.SetValue(frame, new byte[100]);
        return frame;
    }
}
