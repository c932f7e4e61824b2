using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.Search;

/// <summary>Where the person is in the frame, in frame pixels (top-left corner and size).</summary>
public sealed record CropBox(int X, int Y, int Width, int Height)
{
    internal static CropBox From(BoundingBox box) => new(box.X, box.Y, box.Width, box.Height);
}
