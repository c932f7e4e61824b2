using VfeTps.Stream.Contracts;
using VfeTps.Stream.Preprocessing;

namespace VfeTps.Stream.Search;

/// <summary>Draws the found person's box on a frame, so that an operator sees at once whom the result means.</summary>
internal static class FrameMarkup
{
    /// <summary>Lines this many pixels wide: visible after JPEG compression and scaling down in the UI.</summary>
    public const int Thickness = 3;

    /// <summary>Bumped whenever the drawing changes, so that browsers do not keep frames drawn the old way (it is part of the ETag).</summary>
    public const int Version = 1;

    /// <summary>Pure green: rare in street scenes, so the box stands out.</summary>
    public static readonly (byte Red, byte Green, byte Blue) BoxColour = (0, 255, 0);

    /// <summary>Draws the outline of <paramref name="box"/> (the part inside the frame), lines inside the box.</summary>
    public static void DrawBox(RgbImage frame, BoundingBox box)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var inside = box.ClampTo(frame.Width, frame.Height);
        if (inside.Width <= 0 || inside.Height <= 0)
            return;

        var thickness = Math.Min(Thickness, Math.Min(inside.Width, inside.Height));
        Fill(frame, inside.X, inside.Y, inside.Width, thickness);
        Fill(frame, inside.X, inside.Bottom - thickness, inside.Width, thickness);
        Fill(frame, inside.X, inside.Y, thickness, inside.Height);
        Fill(frame, inside.Right - thickness, inside.Y, thickness, inside.Height);
    }

    private static void Fill(RgbImage frame, int x, int y, int width, int height)
    {
        var pixels = frame.Pixels.AsSpan();
        for (var row = y; row < y + height; row++)
        {
            var line = pixels.Slice((row * frame.RowBytes) + (x * 3), width * 3);
            for (var i = 0; i < line.Length; i += 3)
            {
                line[i] = BoxColour.Red;
                line[i + 1] = BoxColour.Green;
                line[i + 2] = BoxColour.Blue;
            }
        }
    }
}
