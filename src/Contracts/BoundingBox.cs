namespace VfeTps.Stream.Contracts;

/// <summary>An axis-aligned box in frame pixels (top-left corner, size).</summary>
public readonly record struct BoundingBox(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;

    public long Area => (long)Math.Max(0, Width) * Math.Max(0, Height);

    /// <summary>Intersection over union; 0 when either box is empty.</summary>
    public double IntersectionOverUnion(BoundingBox other)
    {
        var width = Math.Min(Right, other.Right) - Math.Max(X, other.X);
        var height = Math.Min(Bottom, other.Bottom) - Math.Max(Y, other.Y);
        if (width <= 0 || height <= 0)
        {
            return 0;
        }

        var intersection = (double)width * height;
        return intersection / (Area + other.Area - intersection);
    }

    /// <summary>The part of this box inside a frame of the given size (possibly empty, never of negative size).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A frame size is negative.</exception>
    public BoundingBox ClampTo(int frameWidth, int frameHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frameWidth);
        ArgumentOutOfRangeException.ThrowIfNegative(frameHeight);
        var x = Math.Clamp(X, 0, frameWidth);
        var y = Math.Clamp(Y, 0, frameHeight);

        // A box of negative size has no part inside the frame: it clamps to an empty one, not a negative one.
        var right = Math.Max(x, Math.Clamp(Right, 0, frameWidth));
        var bottom = Math.Max(y, Math.Clamp(Bottom, 0, frameHeight));
        return new BoundingBox(x, y, right - x, bottom - y);
    }
}
