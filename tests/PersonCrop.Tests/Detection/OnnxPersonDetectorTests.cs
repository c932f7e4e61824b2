using VfeTps.Stream.Contracts;
using VfeTps.Stream.Inference;
using VfeTps.Stream.PersonCrop.Detection;
using VfeTps.Stream.PersonCrop.Tests.Support;

namespace VfeTps.Stream.PersonCrop.Tests.Detection;

public sealed class OnnxPersonDetectorTests
{
    private const int InputSize = 64;

    [Fact]
    public void Decoding_keeps_people_above_the_threshold_suppresses_overlaps_ignores_other_classes_and_maps_through_the_letterbox()
    {
        using var directory = new TempDirectory();
        // Channels: cx, cy, w, h (input pixels), person score, car score; one column per anchor.
        float[,] head =
        {
            //  a0    a1    a2    a3    a4    a5
            { 32f,  33f,  10f,  50f,  48f,  20f }, // cx
            { 32f,  32f,  30f,  30f,  40f,  40f }, // cy
            { 10f,  10f,   8f,  10f,  10f,  10f }, // w
            { 20f,  20f,  16f,  20f,  20f,  20f }, // h
            { .9f,  .8f,  .5f,  .2f,  .6f,  .0f }, // person
            { .05f, .1f,  .1f,  .1f,  .95f, .9f }, // car
        };
        var options = new OnnxDetectorOptions { ModelPath = YoloTestModels.ConstantHead(directory, InputSize, head), ExecutionProvider = ExecutionProviderPreference.Cpu };
        using var model = new OnnxPersonModel(options);
        using var detector = new OnnxPersonDetector(model, options);

        // 128×64 into 64×64: scale 0.5, the image fills rows 16..48, so frame = (input − (0, 16)) / 0.5.
        var people = detector.Detect(new VideoFrame(128, 64, new byte[128 * 64 * 3]));

        // a0 kept; a1 overlaps it (IoU 0.82) with a lower score; a2 apart; a3 under 0.35; a4 is more car than person; a5 a car.
        Assert.Equal(2, people.Count);
        Assert.Equal(new PersonDetection(new BoundingBox(54, 12, 20, 40), 0.9f), people[0]);
        Assert.Equal(new PersonDetection(new BoundingBox(12, 12, 16, 32), 0.5f), people[1]);
        Assert.Equal((64, 64), (model.InputWidth, model.InputHeight));
    }

    [Fact]
    public void Another_class_index_turns_the_detector_to_that_class()
    {
        using var directory = new TempDirectory();
        float[,] head =
        {
            { 32f, 10f }, { 32f, 32f }, { 10f, 10f }, { 20f, 20f },
            { .9f, .1f }, // class 0
            { .1f, .8f }, // class 1
        };
        var options = new OnnxDetectorOptions { ModelPath = YoloTestModels.ConstantHead(directory, InputSize, head), PersonClassIndex = 1, ExecutionProvider = ExecutionProviderPreference.Cpu };
        using var model = new OnnxPersonModel(options);
        using var detector = new OnnxPersonDetector(model, options);

        var person = Assert.Single(detector.Detect(new VideoFrame(64, 64, new byte[64 * 64 * 3])));

        Assert.Equal(new PersonDetection(new BoundingBox(5, 22, 10, 20), 0.8f), person);
    }

    [Fact]
    public void The_model_is_fed_RGB_in_0_to_1_with_grey_letterbox_padding()
    {
        using var directory = new TempDirectory();
        var options = new OnnxDetectorOptions
        {
            ModelPath = YoloTestModels.RedMeanScore(directory, InputSize, cx: 32, cy: 32, w: 16, h: 40),
            ExecutionProvider = ExecutionProviderPreference.Auto, // no GPU here: the selector falls back to the CPU
        };
        using var model = new OnnxPersonModel(options);
        using var detector = new OnnxPersonDetector(model, options);

        // 64×32 frames fill half of the 64×64 input; the other half is padding of 114.
        var red = detector.Detect(Solid(64, 32, blue: 0, green: 0, red: 255));
        var blue = detector.Detect(Solid(64, 32, blue: 255, green: 0, red: 0));

        var person = Assert.Single(red);
        Assert.Equal((0.5f * 1f) + (0.5f * 114f / 255f), person.Score, 0.01f);
        Assert.Equal(new BoundingBox(24, 0, 16, 32), person.Box); // (24, −4) … (40, 36) clamped to the 64×32 frame
        Assert.Empty(blue); // red mean 0.22: had blue been read as red, this would be the detection
        Assert.Equal(ExecutionProvider.Cpu, model.Provider);
    }

    [Fact]
    public void A_model_with_a_non_YOLO_output_fails_each_frame_with_a_clear_error()
    {
        using var directory = new TempDirectory();
        var options = new OnnxDetectorOptions { ModelPath = YoloTestModels.TooFewChannels(directory, InputSize), ExecutionProvider = ExecutionProviderPreference.Cpu };
        using var model = new OnnxPersonModel(options);
        using var detector = new OnnxPersonDetector(model, options);

        var error = Assert.Throws<InvalidDataException>(() => detector.Detect(new VideoFrame(64, 64, new byte[64 * 64 * 3])));

        Assert.Contains("[1, 3, 4]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_that_does_not_take_images_or_does_not_exist_is_refused_when_opened()
    {
        using var directory = new TempDirectory();

        var notImages = Assert.Throws<InvalidOperationException>(() => new OnnxPersonModel(new OnnxDetectorOptions { ModelPath = YoloTestModels.NotAnImageModel(directory), ExecutionProvider = ExecutionProviderPreference.Cpu }));
        Assert.Contains("[1, 3, H, W]", notImages.Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => new OnnxPersonModel(new OnnxDetectorOptions { ModelPath = directory.PathOf("missing.onnx") }));
        Assert.Throws<InvalidOperationException>(() => new OnnxPersonModel(new OnnxDetectorOptions()));
        File.WriteAllText(directory.PathOf("garbage.onnx"), "not a model");
        Assert.Throws<InvalidOperationException>(() => new OnnxPersonModel(new OnnxDetectorOptions { ModelPath = directory.PathOf("garbage.onnx"), ExecutionProvider = ExecutionProviderPreference.Cpu }));
    }

    private static VideoFrame Solid(int width, int height, byte blue, byte green, byte red)
    {
        var bytes = new byte[width * height * 3];
        for (var i = 0; i < bytes.Length; i += 3)
            (bytes[i], bytes[i + 1], bytes[i + 2]) = (blue, green, red);
        return new VideoFrame(width, height, bytes);
    }
}
