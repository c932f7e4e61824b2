using SkiaSharp;
using VfeTps.Stream.SynthPedes;

namespace VfeTps.Stream.DemoCameras;

/// <summary>
/// The static street one camera looks at: a facade in the camera's style (brick, plaster with windows, glass
/// panels, a shopfront) with things standing against the wall, and the pavement in perspective. Drawn once per
/// camera; only the people move, so a background-subtraction detector sees nothing but them.
/// </summary>
internal static class StreetBackdrop
{
    public static SKBitmap Draw(CameraProfile camera, StreetGeometry street, Random random)
    {
        var width = street.Width;
        var height = street.Height;
        var horizon = street.HorizonY;
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        Wall(canvas, width, horizon, camera.WallColor);
        switch (camera.Facade)
        {
            case FacadeStyle.Brick:
                Bricks(canvas, width, horizon, camera.WallColor, height);
                Windows(canvas, width, horizon, height, random, count: 2);
                break;
            case FacadeStyle.Plaster:
                Windows(canvas, width, horizon, height, random, count: 4);
                break;
            case FacadeStyle.Glass:
                Glass(canvas, width, horizon, random);
                break;
            default:
                Shopfront(canvas, width, horizon, camera.AccentColor, random);
                break;
        }

        AgainstTheWall(canvas, width, horizon, height, random);
        Pavement(canvas, width, height, horizon, camera.GroundColor, random);
        Vignette(canvas, width, height, camera.Vignette);
        canvas.Flush();
        return bitmap;
    }

    private static void Wall(SKCanvas canvas, int width, float horizon, SKColor wall)
    {
        using var paint = new SKPaint { IsAntialias = true };
        using var shader = SKShader.CreateLinearGradient(
            new SKPoint(0, 0), new SKPoint(0, horizon), [Scale(wall, 1.1f), Scale(wall, 0.9f)], SKShaderTileMode.Clamp);
        paint.Shader = shader;
        canvas.DrawRect(0, 0, width, horizon, paint);
        // A plinth where the wall meets the pavement.
        paint.Shader = null;
        paint.Color = Scale(wall, 0.7f);
        canvas.DrawRect(0, horizon - (horizon * 0.06f), width, horizon * 0.06f, paint);
    }

    private static void Bricks(SKCanvas canvas, int width, float horizon, SKColor wall, int height)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = Scale(wall, 0.72f), StrokeWidth = MathF.Max(1f, height / 300f) };
        var course = MathF.Max(4f, height * 0.028f);
        var row = 0;
        for (var y = course; y < horizon * 0.94f; y += course, row++)
        {
            canvas.DrawLine(0, y, width, y, paint);
            for (var x = (row % 2) * course * 1.1f; x < width; x += course * 2.2f)
            {
                canvas.DrawLine(x, y, x, y + course, paint);
            }
        }
    }

    private static void Windows(SKCanvas canvas, int width, float horizon, int height, Random random, int count)
    {
        using var paint = new SKPaint { IsAntialias = true };
        var w = width / (count * 2f);
        var h = horizon * 0.42f;
        var top = horizon * Range(random, 0.12f, 0.22f);
        for (var i = 0; i < count; i++)
        {
            var x = ((i + 0.5f) * width / count) - (w / 2f);
            paint.Color = new SKColor(232, 229, 220);
            canvas.DrawRect(x - (height * 0.008f), top - (height * 0.008f), w + (height * 0.016f), h + (height * 0.03f), paint);
            using (var glass = SKShader.CreateLinearGradient(
                new SKPoint(x, top), new SKPoint(x + w, top + h), [new SKColor(70, 90, 110), new SKColor(30, 38, 50)], SKShaderTileMode.Clamp))
            {
                paint.Shader = glass;
                canvas.DrawRect(x, top, w, h, paint);
                paint.Shader = null;
            }

            paint.Color = new SKColor(232, 229, 220);
            canvas.DrawRect(x + (w / 2f) - (height * 0.004f), top, height * 0.008f, h, paint);
            canvas.DrawRect(x, top + (h * 0.4f), w, height * 0.008f, paint);
        }
    }

    private static void Glass(SKCanvas canvas, int width, float horizon, Random random)
    {
        using var paint = new SKPaint { IsAntialias = true };
        var panel = width * Range(random, 0.16f, 0.24f);
        for (var x = -Range(random, 0f, panel); x < width; x += panel)
        {
            paint.Color = new SKColor(58, 78, 94);
            canvas.DrawRect(x + 2f, 0, panel - 4f, horizon * 0.93f, paint);
            paint.Color = SKColors.White.WithAlpha(36);
            canvas.DrawRect(x + (panel * 0.3f), 0, panel * 0.14f, horizon * 0.93f, paint);
            paint.Color = new SKColor(150, 156, 160);
            canvas.DrawRect(x, horizon * 0.45f, panel, 3f, paint);
        }
    }

    private static void Shopfront(SKCanvas canvas, int width, float horizon, SKColor accent, Random random)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = accent };
        var signTop = horizon * 0.08f;
        canvas.DrawRect(0, signTop, width, horizon * 0.14f, paint);
        paint.Color = ContrastOf(accent);
        for (var i = 0; i < 7; i++)
        {
            // Block letters of the shop's name.
            canvas.DrawRect((width * 0.3f) + (i * width * 0.055f), signTop + (horizon * 0.035f), width * 0.035f, horizon * 0.07f, paint);
        }

        paint.Color = new SKColor(46, 54, 62);
        var windowTop = signTop + (horizon * 0.2f);
        canvas.DrawRect(0, windowTop, width, horizon * 0.66f, paint);
        for (var i = 0; i < 9; i++)
        {
            paint.Color = Palette.Of(Palette.ClothingColors[random.Next(Palette.ClothingColors.Count)]).WithAlpha(210);
            canvas.DrawRect(Range(random, 0f, 0.95f) * width, windowTop + (horizon * Range(random, 0.2f, 0.5f)), width * 0.05f, horizon * 0.12f, paint);
        }

        paint.Color = new SKColor(150, 156, 160);
        for (var x = width / 5f; x < width; x += width / 5f)
        {
            canvas.DrawRect(x - 2f, windowTop, 4f, horizon * 0.66f, paint);
        }
    }

    /// <summary>Posters, planters and a bench against the wall, behind anyone walking.</summary>
    private static void AgainstTheWall(SKCanvas canvas, int width, float horizon, int height, Random random)
    {
        using var paint = new SKPaint { IsAntialias = true };
        var count = random.Next(2, 4);
        for (var i = 0; i < count; i++)
        {
            var x = ((i + Range(random, 0.1f, 0.7f)) * width / count);
            if (random.NextDouble() < 0.5)
            {
                // A planter with a shrub.
                var w = height * 0.12f;
                paint.Color = new SKColor(96, 90, 84);
                canvas.DrawRect(x, horizon - (height * 0.07f), w, height * 0.07f, paint);
                paint.Color = new SKColor((byte)random.Next(40, 70), (byte)random.Next(100, 140), (byte)random.Next(40, 70));
                for (var leaf = 0; leaf < 5; leaf++)
                {
                    canvas.DrawCircle(x + (w * (0.1f + (0.2f * leaf))), horizon - (height * 0.1f) - (height * 0.02f * (leaf % 2)), w * 0.28f, paint);
                }
            }
            else
            {
                // A poster.
                paint.Color = Palette.Of(Palette.ClothingColors[random.Next(Palette.ClothingColors.Count)]);
                var w = height * 0.13f;
                var top = horizon * 0.5f;
                canvas.DrawRect(x, top, w, horizon * 0.3f, paint);
                paint.Color = ContrastOf(paint.Color);
                canvas.DrawRect(x + (w * 0.15f), top + (horizon * 0.05f), w * 0.7f, horizon * 0.05f, paint);
            }
        }
    }

    private static void Pavement(SKCanvas canvas, int width, int height, float horizon, SKColor ground, Random random)
    {
        using var paint = new SKPaint { IsAntialias = true };
        using (var shader = SKShader.CreateLinearGradient(
            new SKPoint(0, horizon), new SKPoint(0, height), [Scale(ground, 1.05f), Scale(ground, 0.88f)], SKShaderTileMode.Clamp))
        {
            paint.Shader = shader;
            canvas.DrawRect(0, horizon, width, height - horizon, paint);
        }

        paint.Shader = null;
        paint.Color = Scale(ground, 0.78f).WithAlpha(170);
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = MathF.Max(1f, height / 360f);
        var vanishing = width * Range(random, 0.3f, 0.7f);
        for (var i = -6; i <= 12; i++)
        {
            var x = i * width / 6f;
            canvas.DrawLine(vanishing + ((x - vanishing) * 0.2f), horizon, x, height, paint);
        }

        var gap = (height - horizon) * 0.08f;
        for (var y = horizon + gap; y < height; y += gap, gap *= 1.3f)
        {
            canvas.DrawLine(0, y, width, y, paint);
        }

        // The kerb at the bottom edge.
        paint.Style = SKPaintStyle.Fill;
        paint.Color = Scale(ground, 1.2f);
        canvas.DrawRect(0, height - (height * 0.02f), width, height * 0.02f, paint);
    }

    private static void Vignette(SKCanvas canvas, int width, int height, float strength)
    {
        if (strength <= 0.01f)
        {
            return;
        }

        using var paint = new SKPaint();
        using var shader = SKShader.CreateRadialGradient(
            new SKPoint(width / 2f, height / 2f), MathF.Sqrt((width * width / 4f) + (height * height / 4f)),
            [SKColors.Transparent, SKColors.Transparent, SKColors.Black.WithAlpha((byte)(160 * strength))], [0f, 0.6f, 1f], SKShaderTileMode.Clamp);
        paint.Shader = shader;
        canvas.DrawRect(0, 0, width, height, paint);
    }

    private static SKColor Scale(SKColor c, float factor) =>
        new((byte)Math.Clamp(c.Red * factor, 0, 255), (byte)Math.Clamp(c.Green * factor, 0, 255), (byte)Math.Clamp(c.Blue * factor, 0, 255));

    private static SKColor ContrastOf(SKColor c) => (c.Red * 0.3f) + (c.Green * 0.59f) + (c.Blue * 0.11f) > 140 ? new SKColor(30, 30, 34) : new SKColor(240, 240, 236);

    private static float Range(Random random, float min, float max) => min + ((max - min) * (float)random.NextDouble());
}
