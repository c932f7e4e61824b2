namespace VfeTps.Stream.DemoCameras.Tests;

/// <summary>Silly options are refused with an error naming the option.</summary>
public sealed class SceneOptionsTests
{
    public static TheoryData<string> BadOptions =>
    [
        nameof(SceneOptions.CameraCount), nameof(SceneOptions.DurationSeconds), nameof(SceneOptions.FramesPerSecond),
        nameof(SceneOptions.FrameWidth), nameof(SceneOptions.IdentityCount), nameof(SceneOptions.MaxPeopleInView),
        nameof(SceneOptions.MinPersonHeight), nameof(SceneOptions.SensorNoise), nameof(SceneOptions.JpegQuality),
        nameof(SceneOptions.MaxDegreeOfParallelism), nameof(SceneOptions.CameraIdPrefix),
    ];

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void ABadOptionIsNamed(string option)
    {
        var bad = option switch
        {
            nameof(SceneOptions.CameraCount) => SceneOptions.Demo with { CameraCount = 0 },
            nameof(SceneOptions.DurationSeconds) => SceneOptions.Demo with { DurationSeconds = double.NaN },
            nameof(SceneOptions.FramesPerSecond) => SceneOptions.Demo with { FramesPerSecond = 0 },
            nameof(SceneOptions.FrameWidth) => SceneOptions.Demo with { FrameWidth = 641 },
            nameof(SceneOptions.IdentityCount) => SceneOptions.Demo with { IdentityCount = 301 },
            nameof(SceneOptions.MaxPeopleInView) => SceneOptions.Demo with { MaxPeopleInView = 0 },
            nameof(SceneOptions.MinPersonHeight) => SceneOptions.Demo with { MinPersonHeight = 0.8, MaxPersonHeight = 0.5 },
            nameof(SceneOptions.SensorNoise) => SceneOptions.Demo with { SensorNoise = -1 },
            nameof(SceneOptions.JpegQuality) => SceneOptions.Demo with { JpegQuality = 101 },
            nameof(SceneOptions.MaxDegreeOfParallelism) => SceneOptions.Demo with { MaxDegreeOfParallelism = 0 },
            _ => SceneOptions.Demo with { CameraIdPrefix = "Bad Prefix" },
        };
        var error = Assert.ThrowsAny<ArgumentException>(bad.Validate);
        Assert.Contains(option == nameof(SceneOptions.CameraIdPrefix) ? "camera id" : option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePresetsAreValidAndTheDemoIsThreeMinutesOfTenFramesASecond()
    {
        SceneOptions.Demo.Validate();
        SceneOptions.Small.Validate();
        Assert.Equal(600, SceneOptions.Demo.FrameCount);
        Assert.Equal(["synth-1", "synth-2", "synth-3"], Enumerable.Range(1, 3).Select(SceneOptions.Demo.CameraId));
        Assert.Equal(SceneOptions.DefaultSynthPedes, SceneOptions.Demo.SynthPedes);
        Assert.Equal(1, SceneOptions.DefaultSynthPedes.Seed);
        Assert.Equal(300, SceneOptions.DefaultSynthPedes.TestIdentities);
    }
}
