namespace VfeTps.Stream.DemoCameras;

/// <summary>
/// The ground plane of a street camera mounted at about three quarters of a person's height: everyone's eyes are
/// near the horizon, so a nearer (taller) person stands lower in the frame. Depth 0 is the far lane, 1 the near one.
/// </summary>
internal sealed class StreetGeometry(SceneOptions options)
{
    /// <summary>Camera height as a fraction of a person's height: the horizon crosses everyone at this height above the soles.</summary>
    private const float EyeLevel = 0.75f;

    public int Width { get; } = options.FrameWidth;

    public int Height { get; } = options.FrameHeight;

    /// <summary>Where the facade meets the pavement: placed so the nearest walkers' soles are at 96 % of the frame height.</summary>
    public float HorizonY { get; } = options.FrameHeight * (float)Math.Max(0.12, 0.96 - (EyeLevel * options.MaxPersonHeight));

    /// <summary>Full figure height in pixels of a person of average stature at <paramref name="depth"/>.</summary>
    public float FigureHeight(float depth) =>
        Height * (float)(options.MinPersonHeight + ((options.MaxPersonHeight - options.MinPersonHeight) * Math.Clamp(depth, 0f, 1f)));

    /// <summary>Image row of the soles of a person at <paramref name="depth"/>.</summary>
    public float SoleY(float depth) => HorizonY + (EyeLevel * FigureHeight(depth));
}
