using VfeTps.Stream.Contracts;
using VfeTps.Stream.Inference;
using VfeTps.Stream.PersonCrop.Detection;
using VfeTps.Stream.PersonCrop.Tests.Support;

namespace VfeTps.Stream.PersonCrop.Tests.Detection;

public sealed class DetectorFactoryTests
{
    [Theory]
    [InlineData(DetectorKinds.Motion, typeof(MotionPersonDetector))]
    [InlineData(DetectorKinds.Hog, typeof(HogPersonDetector))]
    public void Each_kind_gives_its_detector(string kind, Type type)
    {
        using var factory = new DetectorFactory(new PersonCropOptions());
        using var detector = factory.Create(kind);

        Assert.IsType(type, detector);
        Assert.Equal(kind, detector.Kind);
    }

    [Fact]
    public void Unknown_kinds_and_an_unconfigured_or_missing_model_are_refused_clearly()
    {
        using var directory = new TempDirectory();
        using var factory = new DetectorFactory(new PersonCropOptions());
        using var missing = new DetectorFactory(new PersonCropOptions { Onnx = { ModelPath = directory.PathOf("yolo.onnx") } });

        Assert.Contains("sift", Assert.Throws<ArgumentException>(() => factory.Create("sift")).Message, StringComparison.Ordinal);
        Assert.Contains("ModelPath", Assert.Throws<InvalidOperationException>(() => factory.Create(DetectorKinds.Onnx)).Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => missing.Create(DetectorKinds.Onnx));
    }

    [Fact]
    public void Onnx_detectors_share_one_model_and_outlive_each_other()
    {
        using var directory = new TempDirectory();
        float[,] head = { { 32f }, { 32f }, { 10f }, { 20f }, { .9f } };
        var options = new PersonCropOptions
        {
            Onnx = { ModelPath = YoloTestModels.ConstantHead(directory, 64, head), ExecutionProvider = ExecutionProviderPreference.Cpu },
        };
        using var factory = new DetectorFactory(options);
        var first = factory.Create(DetectorKinds.Onnx);
        using var second = factory.Create(DetectorKinds.Onnx);

        first.Dispose();

        Assert.Single(second.Detect(new VideoFrame(64, 64, new byte[64 * 64 * 3])));
    }
}
