using SkiaSharp;

namespace VfeTps.Stream.SynthPedes.Tests;

/// <summary>Pixel helpers: decode, render on a plain background, compare.</summary>
internal static class Pixels
{
    public static SKBitmap Decode(string path) =>
        SKBitmap.Decode(path)?.Copy(SKColorType.Rgba8888) ?? throw new InvalidDataException($"{path} is not an image.");

    /// <summary>Draws one pedestrian on a mid-grey canvas filling <paramref name="bounds"/>.</summary>
    public static SKBitmap Render(PedestrianAttributes look, Viewpoint view, int width, int height, SKRect bounds)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(new SKColor(128, 128, 128));
        PedestrianRenderer.Render(canvas, look, new PedestrianPose(view, 0.25f), bounds);
        canvas.Flush();
        return bitmap;
    }

    /// <summary>Mean absolute difference per RGB channel, 0–255.</summary>
    public static double MeanAbsoluteDifference(SKBitmap a, SKBitmap b)
    {
        Assert.Equal(a.Width, b.Width);
        Assert.Equal(a.Height, b.Height);
        var pa = a.GetPixelSpan();
        var pb = b.GetPixelSpan();
        long sum = 0;
        for (var i = 0; i < pa.Length; i += 4)
        {
            sum += Math.Abs(pa[i] - pb[i]) + Math.Abs(pa[i + 1] - pb[i + 1]) + Math.Abs(pa[i + 2] - pb[i + 2]);
        }

        return sum / (3.0 * a.Width * a.Height);
    }

    /// <summary>Share of pixels whose RGB differs by more than <paramref name="threshold"/> in sum.</summary>
    public static double ChangedShare(SKBitmap a, SKBitmap b, int threshold = 40)
    {
        var pa = a.GetPixelSpan();
        var pb = b.GetPixelSpan();
        var changed = 0;
        for (var i = 0; i < pa.Length; i += 4)
        {
            var d = Math.Abs(pa[i] - pb[i]) + Math.Abs(pa[i + 1] - pb[i + 1]) + Math.Abs(pa[i + 2] - pb[i + 2]);
            changed += d > threshold ? 1 : 0;
        }

        return changed / (double)(a.Width * a.Height);
    }

    /// <summary>Mean colour of a rectangle.</summary>
    public static (double R, double G, double B) Mean(SKBitmap bitmap, SKRectI rect)
    {
        double r = 0, g = 0, b = 0;
        for (var y = rect.Top; y < rect.Bottom; y++)
        {
            for (var x = rect.Left; x < rect.Right; x++)
            {
                var c = bitmap.GetPixel(x, y);
                r += c.Red;
                g += c.Green;
                b += c.Blue;
            }
        }

        var n = (double)rect.Width * rect.Height;
        return (r / n, g / n, b / n);
    }

    public static double Distance((double R, double G, double B) c, SKColor target) =>
        Math.Sqrt(Math.Pow(c.R - target.Red, 2) + Math.Pow(c.G - target.Green, 2) + Math.Pow(c.B - target.Blue, 2));
}
