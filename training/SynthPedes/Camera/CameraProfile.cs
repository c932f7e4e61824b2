using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// The fixed character of one camera: where it looks (facade, ground, horizon, typical viewpoints) and how it
/// sees (exposure, colour cast, blur, resolution, noise, compression). Every shot varies around it.
/// </summary>
public sealed record CameraProfile
{
    public required int Number { get; init; }

    public required FacadeStyle Facade { get; init; }

    public required SKColor WallColor { get; init; }

    public required SKColor GroundColor { get; init; }

    public required SKColor AccentColor { get; init; }

    /// <summary>Where the wall meets the ground, as a fraction of the image height.</summary>
    public required float Horizon { get; init; }

    public required float Brightness { get; init; }

    public required float Contrast { get; init; }

    /// <summary>Colour cast as per-channel gains (white balance error).</summary>
    public required (float Red, float Green, float Blue) Gain { get; init; }

    /// <summary>Gaussian blur in pixels of a 128-pixel-wide crop; scales with the crop.</summary>
    public required float BlurSigma { get; init; }

    /// <summary>Share of the output resolution the camera really resolves (distance, optics).</summary>
    public required float Resolution { get; init; }

    /// <summary>Sensor noise standard deviation on the 0–255 scale.</summary>
    public required float NoiseSigma { get; init; }

    public required int JpegQuality { get; init; }

    /// <summary>How much darker the corners are (0 = none).</summary>
    public required float Vignette { get; init; }

    /// <summary>Relative frequency of front, back, left-side and right-side views at this camera.</summary>
    public required IReadOnlyList<float> ViewpointWeights { get; init; }

    /// <summary>Camera <paramref name="number"/> (1-based) of a data set with <paramref name="seed"/>.</summary>
    public static CameraProfile Create(int seed, int number, DegradationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var random = SeedMixer.Create(seed, 0xCA3, number);
        // Facades cycle through the styles from a seeded start, so a site's cameras never all look alike.
        var styles = Enum.GetValues<FacadeStyle>();
        var facade = styles[((SeedMixer.Mix(seed, 0xFAC) % styles.Length) + number) % styles.Length];
        var cast = random.PickWeighted<(float, float, float)>([
            ((1f, 1f, 1f), 3), ((1.08f, 1.0f, 0.86f), 2), ((0.88f, 0.98f, 1.1f), 2), ((0.95f, 1.06f, 0.92f), 1), ((1.05f, 0.95f, 1.02f), 1)]);
        float[] views = random.PickWeighted<float[]>([([4f, 4f, 1f, 1f], 2), ([1f, 1f, 3f, 3f], 1), ([2f, 2f, 2f, 2f], 2)]);
        return new CameraProfile
        {
            Number = number,
            Facade = facade,
            WallColor = random.PickWeighted<SKColor>([
                (new SKColor(150, 78, 62), 2), (new SKColor(200, 190, 170), 2), (new SKColor(120, 124, 130), 2),
                (new SKColor(225, 222, 214), 1), (new SKColor(90, 110, 100), 1), (new SKColor(70, 80, 100), 1), (new SKColor(180, 150, 100), 1)]),
            GroundColor = random.PickWeighted<SKColor>([
                (new SKColor(92, 92, 96), 3), (new SKColor(150, 142, 128), 2), (new SKColor(120, 100, 90), 1), (new SKColor(170, 170, 165), 1)]),
            AccentColor = Palette.Of(AttributeSampler.Color(random)),
            Horizon = random.Range(0.5f, 0.8f),
            Brightness = random.Range(0.72f, 1.18f),
            Contrast = random.Range(0.72f, 1.12f),
            Gain = (cast.Item1, cast.Item2, cast.Item3),
            BlurSigma = random.Range(0f, 1.2f) * settings.BlurStrength,
            Resolution = MathF.Max(0.3f, 1f - (random.Range(0f, 0.55f) * settings.BlurStrength)),
            NoiseSigma = random.Range(1.5f, 8f) * settings.NoiseStrength,
            JpegQuality = random.Next(settings.JpegQualityMin, settings.JpegQualityMax + 1),
            Vignette = random.Range(0f, 0.35f),
            ViewpointWeights = views,
        };
    }
}
