using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// Makes one person crop as a detector would cut it from a street camera: the street behind, the person at the
/// shot's position and scale with a ground shadow, maybe an occluder, then the camera's degradations.
/// </summary>
internal static class CropComposer
{
    /// <summary>The finished crop before compression, RGBA.</summary>
    public static SKBitmap Compose(PedestrianAttributes person, Viewpoint view, CameraProfile camera, ShotConditions shot, int width, int height, Random random)
    {
        var lowWidth = Math.Max(8, (int)MathF.Round(width * shot.Resolution));
        var lowHeight = Math.Max(8, (int)MathF.Round(height * shot.Resolution));
        using var scene = SKSurface.Create(new SKImageInfo(lowWidth, lowHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = scene.Canvas;
        canvas.Scale(lowWidth / (float)width, lowHeight / (float)height);
        StreetBackground.Draw(canvas, width, height, camera, random);
        var box = PersonBox(shot, width, height);
        Shadow(canvas, box);
        PedestrianRenderer.Render(canvas, person, new PedestrianPose(view, shot.WalkPhase), box);
        if (shot.Occluder != OccluderKind.None)
        {
            OccluderPainter.Draw(canvas, width, height, shot.Occluder, shot.PersonCenterX, random);
        }

        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var output = SKSurface.Create(bitmap.Info, bitmap.GetPixels(), bitmap.RowBytes))
        using (var image = scene.Snapshot())
        {
            // Blur is specified for a 128-pixel-wide crop; wider crops blur proportionally.
            ImageDegradation.DrawBlurred(output.Canvas, image, new SKRect(0, 0, width, height), shot.BlurSigma * width / 128f);
            ImageDegradation.Vignette(output.Canvas, width, height, shot.Vignette);
            output.Canvas.Flush();
        }

        ImageDegradation.ToneAndNoise(bitmap.GetPixelSpan(), shot, random);
        return bitmap;
    }

    public static SKRect PersonBox(ShotConditions shot, int width, int height)
    {
        var boxHeight = shot.PersonHeight * height;
        var bottom = shot.PersonBottom * height;
        var center = shot.PersonCenterX * width;
        var halfWidth = boxHeight * PedestrianRenderer.AspectRatio / 2f;
        return new SKRect(center - halfWidth, bottom - boxHeight, center + halfWidth, bottom);
    }

    /// <summary>A soft contact shadow under the feet (a radial gradient: much cheaper than a blur filter).</summary>
    private static void Shadow(SKCanvas canvas, SKRect box)
    {
        var center = new SKPoint(box.MidX + (box.Width * 0.1f), box.Bottom - (box.Height * 0.005f));
        var radius = box.Width * 0.6f;
        using var shader = SKShader.CreateRadialGradient(
            center, radius, [SKColors.Black.WithAlpha(90), SKColors.Black.WithAlpha(0)], null, SKShaderTileMode.Clamp,
            SKMatrix.CreateScale(1f, box.Height * 0.05f / radius, center.X, center.Y));
        using var paint = new SKPaint { IsAntialias = true, Shader = shader };
        canvas.DrawOval(center, new SKSize(radius, box.Height * 0.05f), paint);
    }
}
