using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.Cropping;

/// <summary>Where a crop is cut: the person's box grown by a margin on every side, clamped to the frame.</summary>
public static class CropGeometry
{
    /// <param name="box">The person's box in frame pixels.</param>
    /// <param name="margin">Fraction of the box's width (left and right) and height (top and bottom) added.</param>
    /// <param name="frameWidth">The frame's width.</param>
    /// <param name="frameHeight">The frame's height.</param>
    /// <returns>The crop region; empty when the box lies outside the frame.</returns>
    public static BoundingBox WithMargin(BoundingBox box, double margin, int frameWidth, int frameHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameHeight);
        var dx = (int)Math.Round(box.Width * margin);
        var dy = (int)Math.Round(box.Height * margin);
        return new BoundingBox(box.X - dx, box.Y - dy, box.Width + (2 * dx), box.Height + (2 * dy)).ClampTo(frameWidth, frameHeight);
    }
}
