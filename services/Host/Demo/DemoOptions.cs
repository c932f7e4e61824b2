using System.ComponentModel.DataAnnotations;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.Host.Demo;

/// <summary>The demo cameras a fresh site starts with (section "Demo").</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Register the demo cameras at start (only those not registered yet; removing one through the API is respected until the data folder is reset).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the synthetic street scene is rendered (once); relative to the working directory.</summary>
    [Required]
    public string SceneDirectory { get; set; } = "data/demo/scene";

    /// <summary>OpenCV's real pedestrian video (extracted by scripts/setup.sh); relative to the working directory. Skipped with a warning when missing.</summary>
    [Required]
    public string RealVideo { get; set; } = "data/demo/vtest.avi";

    /// <summary>Camera id of the real video.</summary>
    [Required]
    public string RealVideoCameraId { get; set; } = "vtest";

    /// <summary>Detector for the real video.</summary>
    [Required]
    public string RealVideoDetector { get; set; } = DetectorKinds.Motion;

    [Range(0.1, CameraSpec.MaxSampleRate)]
    public double SampleRate { get; set; } = CameraSpec.DefaultSampleRate;
}
