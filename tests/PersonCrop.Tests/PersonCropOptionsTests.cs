using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.PersonCrop.Tests.Support;

namespace VfeTps.Stream.PersonCrop.Tests;

public sealed class PersonCropOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(new PersonCropOptions().Validate());
    }

    [Fact]
    public async Task Invalid_settings_stop_the_host_from_starting_and_every_problem_is_named()
    {
        var settings = new Dictionary<string, string?>
        {
            ["PersonCrop:DefaultDetector"] = "sift",
            ["PersonCrop:JpegQuality"] = "0",
            ["PersonCrop:Tracker:MinHits"] = "0",
            ["PersonCrop:Hog:WindowStride"] = "5",
            ["PersonCrop:BestShots:MaxShotsPerTrack"] = "0",
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StageHost.StartAsync(settings, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains(error.Failures, f => f.Contains("DefaultDetector", StringComparison.Ordinal) && f.Contains("sift", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("JpegQuality", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Tracker:MinHits", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Hog:WindowStride", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("BestShots:MaxShotsPerTrack", StringComparison.Ordinal));
    }

    [Fact]
    public void An_onnx_default_without_a_model_path_is_refused()
    {
        var problems = new PersonCropOptions { DefaultDetector = DetectorKinds.Onnx }.Validate();

        Assert.Contains(problems, p => p.Contains("ModelPath", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:01:00")]
    [InlineData("2.00:00:00")]
    public void An_idle_timeout_outside_one_second_to_one_day_is_refused(string timeout)
    {
        var problems = new PersonCropOptions { CameraIdleTimeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture) }.Validate();

        Assert.Contains(problems, p => p.Contains("CameraIdleTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nested_settings_bind_from_the_PersonCrop_section()
    {
        var settings = new Dictionary<string, string?>
        {
            ["PersonCrop:DefaultDetector"] = "hog",
            ["PersonCrop:Motion:History"] = "50",
            ["PersonCrop:Hog:Scale"] = "0.75",
            ["PersonCrop:Onnx:ModelPath"] = "/models/yolo11n.onnx",
            ["PersonCrop:Onnx:ExecutionProvider"] = "Cpu",
            ["PersonCrop:Tracker:MaxMissedFrames"] = "9",
            ["PersonCrop:BestShots:MinShotInterval"] = "00:00:02.5",
            ["PersonCrop:MaxParallelCameras"] = "3",
            ["PersonCrop:CameraIdleTimeout"] = "00:05:00",
        };

        await using var stage = await StageHost.StartAsync(settings, cancellationToken: TestContext.Current.CancellationToken);
        var options = stage.Services.GetRequiredService<IOptions<PersonCropOptions>>().Value;

        Assert.Equal(DetectorKinds.Hog, options.DefaultDetector);
        Assert.Equal(50, options.Motion.History);
        Assert.Equal(0.75, options.Hog.Scale);
        Assert.Equal("/models/yolo11n.onnx", options.Onnx.ModelPath);
        Assert.Equal(Inference.ExecutionProviderPreference.Cpu, options.Onnx.ExecutionProvider);
        Assert.Equal(9, options.Tracker.MaxMissedFrames);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.BestShots.MinShotInterval);
        Assert.Equal(3, options.MaxParallelCameras);
        Assert.Equal(TimeSpan.FromMinutes(5), options.CameraIdleTimeout);
    }
}
