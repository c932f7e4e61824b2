namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// Proportions of one body in figure units: y runs from 0 (top of the head) to 100 (soles), x = 0 is the body's
/// centre line. Taller people get a smaller head relative to their height; heavier people are wider.
/// </summary>
internal sealed class BodyFrame
{
    public const float SoleY = 100f;

    public BodyFrame(PedestrianAttributes a)
    {
        Width = (a.Build switch { BodyBuild.Slim => 0.88f, BodyBuild.Heavy => 1.17f, _ => 1f })
            * (a.Height switch { Stature.Tall => 0.97f, Stature.Short => 1.03f, _ => 1f });
        IsHeavy = a.Build == BodyBuild.Heavy;
        HeadHeight = a.Height switch { Stature.Tall => 12.4f, Stature.Short => 13.9f, _ => 13.1f };
        HeadHalfWidth = HeadHeight * 0.36f;
        ShoulderY = HeadHeight + 4.2f;
        var body = SoleY - ShoulderY;
        WaistY = ShoulderY + (0.27f * body);
        HipY = ShoulderY + (0.37f * body);
        CrotchY = ShoulderY + (0.405f * body);
        KneeY = ShoulderY + (0.685f * body);
        AnkleY = SoleY - 4.3f;
    }

    public float Width { get; }

    public bool IsHeavy { get; }

    public float HeadHeight { get; }

    public float HeadHalfWidth { get; }

    public float EyeY => HeadHeight * 0.5f;

    public float NeckHalfWidth => 1.9f * Width;

    public float ShoulderY { get; }

    public float ShoulderHalf => 8.6f * Width;

    public float WaistY { get; }

    public float WaistHalf => 6.3f * Width * (IsHeavy ? 1.12f : 1f);

    public float HipY { get; }

    public float HipHalf => 7.1f * Width;

    public float CrotchY { get; }

    public float KneeY { get; }

    public float AnkleY { get; }

    /// <summary>Half the body's front-to-back depth, for side views.</summary>
    public float Depth => 4.6f * Width;

    public float LegJointX => 3.6f * Width;

    public float ArmJointX => ShoulderHalf - (1.7f * Width);

    public float UpperArmLength => 16.2f;

    public float ForearmLength => 14.6f;

    public float ThighRadius => 3.0f * Width;

    public float KneeRadius => 2.15f * Width;

    public float AnkleRadius => 1.45f * Width;

    public float UpperArmRadius => 1.85f * Width;

    public float ElbowRadius => 1.5f * Width;

    public float WristRadius => 1.15f * Width;
}
