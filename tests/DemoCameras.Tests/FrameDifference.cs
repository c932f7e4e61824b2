using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.DemoCameras.Tests;

/// <summary>Where a decoded frame differs clearly from the street behind (any channel off by more than <see cref="Threshold"/>).</summary>
internal sealed class FrameDifference(byte[] frame, byte[] background, int width, int height)
{
    /// <summary>Well above sensor noise (σ 1.5) and MJPG error on a static street, well below a person against it.</summary>
    public const int Threshold = 30;

    public bool Changed(int x, int y)
    {
        var i = ((y * width) + x) * 3;
        return Math.Abs(frame[i] - background[i]) > Threshold
            || Math.Abs(frame[i + 1] - background[i + 1]) > Threshold
            || Math.Abs(frame[i + 2] - background[i + 2]) > Threshold;
    }

    /// <summary>Share of changed pixels inside <paramref name="box"/>.</summary>
    public double ChangedShare(BoundingBox box)
    {
        box = box.ClampTo(width, height);
        var changed = 0;
        for (var y = box.Y; y < box.Bottom; y++)
        {
            for (var x = box.X; x < box.Right; x++)
            {
                changed += Changed(x, y) ? 1 : 0;
            }
        }

        return box.Area == 0 ? 0 : changed / (double)box.Area;
    }

    /// <summary>Share of changed pixels outside all <paramref name="boxes"/>.</summary>
    public double ChangedShareOutside(IReadOnlyList<BoundingBox> boxes)
    {
        var changed = 0;
        var total = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (boxes.Any(b => x >= b.X && x < b.Right && y >= b.Y && y < b.Bottom))
                {
                    continue;
                }

                total++;
                changed += Changed(x, y) ? 1 : 0;
            }
        }

        return changed / (double)total;
    }
}
