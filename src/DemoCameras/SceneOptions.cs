using System.Text.Json.Serialization;
using VfeTps.Stream.SynthPedes;

namespace VfeTps.Stream.DemoCameras;

/// <summary>
/// Everything that decides a demo scene's bytes: the same options always give the same videos and ground truth.
/// The people are identities of the SynthPedes test split of <see cref="SynthPedes"/> (by default the default
/// set, seed 1), so a model trained on that set has never seen them.
/// </summary>
public sealed record SceneOptions
{
    /// <summary>The options of the SynthPedes set the default model was trained on (its test split is unseen).</summary>
    /// <remarks>Declared first: the presets below read it while the type initialises.</remarks>
    public static SynthPedesRecipe DefaultSynthPedes { get; } = SynthPedesRecipe.From(new SynthPedesOptions { OutputDirectory = "." });

    /// <summary>The default demo: three cameras of a minute each, 640×360 at 10 fps.</summary>
    public static SceneOptions Demo { get; } = new();

    /// <summary>
    /// A small scene for end-to-end tests: two cameras of 30 s and eight identities (about 1.45 walks a person and
    /// 45 % of them on both cameras; at 20 s the schedule has room for few second visits).
    /// </summary>
    public static SceneOptions Small { get; } = new() { CameraCount = 2, DurationSeconds = 30, IdentityCount = 8 };

    /// <summary>Camera ids are this prefix, '-' and the 1-based camera number (a <see cref="Contracts.CameraIds"/> slug).</summary>
    public string CameraIdPrefix { get; init; } = "synth";

    /// <summary>Seeds the cast, the schedule, the streets and the sensor noise.</summary>
    public int Seed { get; init; } = 1;

    public int CameraCount { get; init; } = 3;

    /// <summary>Length of every camera's video; nobody is in view in the first and last frame, so a looped video has no jump.</summary>
    public double DurationSeconds { get; init; } = 60;

    public int FramesPerSecond { get; init; } = 10;

    public int FrameWidth { get; init; } = 640;

    public int FrameHeight { get; init; } = 360;

    /// <summary>How many SynthPedes test identities walk through the scene (each on 1–3 cameras).</summary>
    public int IdentityCount { get; init; } = 16;

    /// <summary>At most this many people are in one camera's view at once.</summary>
    public int MaxPeopleInView { get; init; } = 2;

    /// <summary>Height of the farthest walker as a fraction of the frame height.</summary>
    public double MinPersonHeight { get; init; } = 0.45;

    /// <summary>Height of the nearest walker as a fraction of the frame height.</summary>
    public double MaxPersonHeight { get; init; } = 0.75;

    /// <summary>Standard deviation of the sensor noise added to every frame, on the 0–255 scale (0 = none).</summary>
    public double SensorNoise { get; init; } = 1.5;

    /// <summary>JPEG quality of the MJPG frames.</summary>
    public int JpegQuality { get; init; } = 80;

    /// <summary>The SynthPedes set whose test split provides the identities (and their captions).</summary>
    public SynthPedesRecipe SynthPedes { get; init; } = DefaultSynthPedes;

    /// <summary>Threads that render cameras in parallel; -1 uses all cores. Never changes the output (so it is not recorded).</summary>
    [JsonIgnore]
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>The id of camera <paramref name="number"/> (1-based).</summary>
    public string CameraId(int number) => $"{CameraIdPrefix}-{number}";

    /// <summary>Frames in each camera's video.</summary>
    [JsonIgnore]
    public int FrameCount => (int)Math.Round(DurationSeconds * FramesPerSecond);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        Contracts.CameraIds.Validate(CameraIdPrefix + "-99");
        ArgumentOutOfRangeException.ThrowIfLessThan(CameraCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(CameraCount, 99);
        ArgumentOutOfRangeException.ThrowIfLessThan(FramesPerSecond, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(FramesPerSecond, 60);
        if (!double.IsFinite(DurationSeconds) || DurationSeconds < 10 || DurationSeconds > 3600)
        {
            throw new ArgumentOutOfRangeException(nameof(DurationSeconds), DurationSeconds, "Use 10 s to one hour: a walk across the frame takes several seconds.");
        }

        // Even sizes: MJPG with 4:2:0 chroma and most players want them.
        if (FrameWidth is < 160 or > 3840 || FrameHeight is < 96 or > 2160 || FrameWidth % 2 != 0 || FrameHeight % 2 != 0)
        {
            throw new ArgumentException($"The frame size {FrameWidth}×{FrameHeight} must be even, 160–3840 wide and 96–2160 high.", nameof(FrameWidth));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(IdentityCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(IdentityCount, SynthPedes.TestIdentities);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPeopleInView, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxPeopleInView, 6);
        if (!(MinPersonHeight >= 0.2 && MinPersonHeight <= MaxPersonHeight && MaxPersonHeight <= 0.8))
        {
            throw new ArgumentException($"Person heights must satisfy 0.2 ≤ {MinPersonHeight} ≤ {MaxPersonHeight} ≤ 0.8 of the frame height.", nameof(MinPersonHeight));
        }

        if (!(SensorNoise >= 0 && SensorNoise <= 20))
        {
            throw new ArgumentOutOfRangeException(nameof(SensorNoise), SensorNoise, "Use 0–20 (standard deviation on the 0–255 scale).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(JpegQuality, 10);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(JpegQuality, 100);
        ArgumentNullException.ThrowIfNull(SynthPedes);
        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Use -1 (all cores) or a positive count.");
        }
    }
}
