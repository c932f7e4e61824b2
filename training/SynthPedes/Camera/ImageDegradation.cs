using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// What the camera does to a clean picture: limited resolution and blur (resample through a smaller image),
/// exposure, contrast and colour cast, vignetting, sensor noise, and JPEG compression.
/// </summary>
public static class ImageDegradation
{
    /// <summary>Draws <paramref name="scene"/> onto <paramref name="canvas"/> blurred by <paramref name="blurSigma"/> pixels.</summary>
    public static void DrawBlurred(SKCanvas canvas, SKImage scene, SKRect destination, float blurSigma)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(scene);
        using var paint = new SKPaint();
        using var blur = blurSigma > 0.15f ? SKImageFilter.CreateBlur(blurSigma, blurSigma, SKShaderTileMode.Clamp) : null;
        paint.ImageFilter = blur;
        canvas.DrawImage(scene, destination, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None), paint);
    }

    /// <summary>Darkens the corners by up to <paramref name="strength"/>.</summary>
    public static void Vignette(SKCanvas canvas, int width, int height, float strength)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        if (strength <= 0.01f)
        {
            return;
        }

        using var paint = new SKPaint();
        using var shader = SKShader.CreateRadialGradient(
            new SKPoint(width / 2f, height / 2f), MathF.Sqrt((width * width / 4f) + (height * height / 4f)),
            [SKColors.Transparent, SKColors.Transparent, SKColors.Black.WithAlpha(ColorMath.Clamp(255f * strength))], [0f, 0.55f, 1f], SKShaderTileMode.Clamp);
        paint.Shader = shader;
        canvas.DrawRect(0, 0, width, height, paint);
    }

    /// <summary>
    /// Applies exposure, contrast and colour cast through a per-channel table, then adds sensor noise (mostly
    /// luminance, some chroma) in place. <paramref name="pixels"/> is RGBA, 4 bytes a pixel.
    /// </summary>
    public static void ToneAndNoise(Span<byte> pixels, ShotConditions shot, Random random)
    {
        ArgumentNullException.ThrowIfNull(shot);
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> red = stackalloc byte[256];
        Span<byte> green = stackalloc byte[256];
        Span<byte> blue = stackalloc byte[256];
        Fill(red, shot, shot.Gain.Red);
        Fill(green, shot, shot.Gain.Green);
        Fill(blue, shot, shot.Gain.Blue);
        var noise = NoiseTable.Samples;
        var index = random.Next(NoiseTable.Size);
        var stride = (random.Next(NoiseTable.Size / 2) * 2) + 1;
        var luma = shot.NoiseSigma;
        var chroma = shot.NoiseSigma * 0.35f;
        for (var i = 0; i + 3 < pixels.Length; i += 4)
        {
            index = (index + stride) & (NoiseTable.Size - 1);
            var n = noise[index] * luma;
            var c1 = noise[(index + 7919) & (NoiseTable.Size - 1)] * chroma;
            var c2 = noise[(index + 15401) & (NoiseTable.Size - 1)] * chroma;
            pixels[i] = ColorMath.Clamp(red[pixels[i]] + n + c1);
            pixels[i + 1] = ColorMath.Clamp(green[pixels[i + 1]] + n - c1 - c2);
            pixels[i + 2] = ColorMath.Clamp(blue[pixels[i + 2]] + n + c2);
            pixels[i + 3] = 255;
        }
    }

    public static byte[] EncodeJpeg(SKBitmap bitmap, int quality)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap?.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
        return data?.ToArray() ?? throw new InvalidOperationException("JPEG encoding failed.");
    }

    private static void Fill(Span<byte> table, ShotConditions shot, float gain)
    {
        for (var v = 0; v < 256; v++)
        {
            var x = ((((v / 255f) - 0.5f) * shot.Contrast) + 0.5f) * shot.Brightness * gain;
            table[v] = ColorMath.Clamp(x * 255f);
        }
    }
}
