namespace VfeTps.Stream.Preprocessing;

/// <summary>One value per colour channel, in R, G, B order.</summary>
public readonly record struct RgbTriplet(float Red, float Green, float Blue)
{
    /// <summary>The value of channel 0 (red), 1 (green) or 2 (blue).</summary>
    public float this[int channel] => channel switch
    {
        0 => Red,
        1 => Green,
        2 => Blue,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "An RGB channel index is 0, 1 or 2."),
    };
}
