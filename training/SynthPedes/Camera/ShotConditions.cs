namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// One shot: the camera's character plus this moment's randomness (exposure drift, framing of the detector's
/// crop, gait phase, an occluder).
/// </summary>
public sealed record ShotConditions
{
    public required float Brightness { get; init; }

    public required float Contrast { get; init; }

    public required (float Red, float Green, float Blue) Gain { get; init; }

    public required float BlurSigma { get; init; }

    public required float Resolution { get; init; }

    public required float NoiseSigma { get; init; }

    public required int JpegQuality { get; init; }

    public required float Vignette { get; init; }

    /// <summary>Height of the person's box (feet to top of headwear) as a fraction of the crop height, 0.70–1.</summary>
    public required float PersonHeight { get; init; }

    /// <summary>Horizontal centre of the person as a fraction of the crop width.</summary>
    public required float PersonCenterX { get; init; }

    /// <summary>Where the soles are, as a fraction of the crop height.</summary>
    public required float PersonBottom { get; init; }

    public required float WalkPhase { get; init; }

    public required OccluderKind Occluder { get; init; }

    public static ShotConditions Sample(CameraProfile camera, PedestrianAttributes person, Viewpoint view, DegradationSettings settings, Random random)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(random);
        var stature = person.Height switch { Stature.Short => 0.95f, Stature.Tall => 1f, _ => 0.975f };
        var side = view is Viewpoint.LeftSide or Viewpoint.RightSide;
        var height = MathF.Max(0.7f, random.Range(0.72f, side ? 0.93f : 1f) * stature);
        var drift = 1f + (0.07f * random.Gaussian());
        return new ShotConditions
        {
            Brightness = Math.Clamp(camera.Brightness * drift, 0.5f, 1.4f),
            Contrast = Math.Clamp(camera.Contrast * (1f + (0.05f * random.Gaussian())), 0.6f, 1.3f),
            Gain = (Jitter(camera.Gain.Red, random), Jitter(camera.Gain.Green, random), Jitter(camera.Gain.Blue, random)),
            BlurSigma = MathF.Max(0f, camera.BlurSigma + (0.3f * random.Gaussian() * settings.BlurStrength)),
            Resolution = Math.Clamp(camera.Resolution + (0.08f * random.Gaussian()), 0.3f, 1f),
            NoiseSigma = MathF.Max(0f, camera.NoiseSigma * random.Range(0.7f, 1.3f)),
            JpegQuality = Math.Clamp(camera.JpegQuality + (int)MathF.Round(8f * random.Gaussian()), settings.JpegQualityMin, settings.JpegQualityMax),
            Vignette = camera.Vignette,
            PersonHeight = height,
            PersonCenterX = 0.5f + random.Range(-0.12f, 0.12f),
            PersonBottom = 1f - (random.Range(0f, 0.6f) * (1f - height)),
            WalkPhase = (float)random.NextDouble(),
            Occluder = random.Chance(settings.OcclusionProbability)
                ? random.PickWeighted<OccluderKind>([(OccluderKind.Pole, 3), (OccluderKind.Car, 2), (OccluderKind.Bin, 2), (OccluderKind.Box, 1), (OccluderKind.Passerby, 3)])
                : OccluderKind.None,
        };
    }

    private static float Jitter(float gain, Random random) => gain * (1f + (0.025f * random.Gaussian()));
}
