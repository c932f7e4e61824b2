namespace VfeTps.Stream.Preprocessing.Tests;

/// <summary>Small synthetic images whose pixel values tests can reason about.</summary>
internal static class TestImages
{
    public static RgbImage Solid(int width, int height, byte red, byte green, byte blue) =>
        Create(width, height, (_, _) => (red, green, blue));

    /// <summary>An image whose every pixel is given by <paramref name="pixel"/>(x, y).</summary>
    public static RgbImage Create(int width, int height, Func<int, int, (byte Red, byte Green, byte Blue)> pixel)
    {
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (red, green, blue) = pixel(x, y);
                var offset = ((y * width) + x) * 3;
                pixels[offset] = red;
                pixels[offset + 1] = green;
                pixels[offset + 2] = blue;
            }
        }

        return new RgbImage(width, height, pixels);
    }

    /// <summary>Reproducible noise, so failures can be replayed.</summary>
    public static RgbImage Noise(int width, int height, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[width * height * 3];
        random.NextBytes(pixels);
        return new RgbImage(width, height, pixels);
    }

    /// <summary>A smooth pattern that survives JPEG well.</summary>
    public static RgbImage Gradient(int width, int height) =>
        Create(width, height, (x, y) => ((byte)(x * 255 / Math.Max(width - 1, 1)), (byte)(y * 255 / Math.Max(height - 1, 1)), 128));

    /// <summary>The channel values of one pixel.</summary>
    public static (byte Red, byte Green, byte Blue) PixelAt(RgbImage image, int x, int y)
    {
        var offset = ((y * image.Width) + x) * 3;
        return (image.Pixels[offset], image.Pixels[offset + 1], image.Pixels[offset + 2]);
    }

    /// <summary>One channel of the image as rows.</summary>
    public static int[][] Channel(RgbImage image, int channel) =>
        [.. Enumerable.Range(0, image.Height).Select(y => Enumerable.Range(0, image.Width).Select(x => (int)image.Pixels[(((y * image.Width) + x) * 3) + channel]).ToArray())];
}
