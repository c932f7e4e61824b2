using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>The four facade styles a camera can look at.</summary>
internal static class FacadePainter
{
    public static void Draw(SKCanvas canvas, int width, float horizon, FacadeStyle facade, SKColor accent, SKColor wall, Random random)
    {
        using var paint = new SKPaint { IsAntialias = true };
        switch (facade)
        {
            case FacadeStyle.Brick:
                paint.Color = ColorMath.Scale(wall, 0.72f);
                paint.StrokeWidth = MathF.Max(0.5f, width / 260f);
                var course = MathF.Max(3f, width * random.Range(0.035f, 0.05f));
                var row = 0;
                for (var y = random.Range(0, course); y < horizon; y += course, row++)
                {
                    canvas.DrawLine(0, y, width, y, paint);
                    for (var x = (row % 2) * course; x < width; x += course * 2f)
                    {
                        canvas.DrawLine(x, y, x, y + course, paint);
                    }
                }

                Windows(canvas, width, horizon, random, paint, 1);
                break;
            case FacadeStyle.Plaster:
                Windows(canvas, width, horizon, random, paint, random.Next(2, 5));
                break;
            case FacadeStyle.Glass:
                var panel = width * random.Range(0.3f, 0.6f);
                var offset = -random.Range(0f, panel);
                for (var x = offset; x < width; x += panel)
                {
                    paint.Color = new SKColor(60, 80, 96).WithAlpha(220);
                    canvas.DrawRect(x + 1.5f, 0, panel - 3f, horizon - 2f, paint);
                    paint.Color = SKColors.White.WithAlpha(40);
                    canvas.DrawRect(x + (panel * 0.3f), 0, panel * 0.15f, horizon, paint);
                }

                break;
            default:
                paint.Color = accent;
                var signTop = horizon * random.Range(0.05f, 0.25f);
                canvas.DrawRect(0, signTop, width, horizon * 0.1f, paint);
                paint.Color = new SKColor(50, 58, 66);
                canvas.DrawRect(0, signTop + (horizon * 0.14f), width, horizon * 0.65f, paint);
                for (var i = 0; i < 6; i++)
                {
                    paint.Color = Palette.Of(AttributeSampler.Color(random)).WithAlpha(200);
                    var x = random.Range(0f, 1f) * width;
                    var y = signTop + (horizon * random.Range(0.3f, 0.7f));
                    canvas.DrawRect(x, y, width * random.Range(0.05f, 0.15f), horizon * random.Range(0.05f, 0.15f), paint);
                }

                break;
        }
    }

    private static void Windows(SKCanvas canvas, int width, float horizon, Random random, SKPaint paint, int count)
    {
        var w = width * random.Range(0.25f, 0.45f);
        var h = horizon * random.Range(0.18f, 0.3f);
        for (var i = 0; i < count; i++)
        {
            var x = random.Range(-0.2f, 0.9f) * width;
            var y = random.Range(0.02f, 0.7f) * horizon;
            paint.Color = new SKColor(235, 232, 225);
            canvas.DrawRect(x - 2f, y - 2f, w + 4f, h + 4f, paint);
            paint.Color = random.Chance(0.5) ? new SKColor(40, 48, 58) : new SKColor(90, 110, 130);
            canvas.DrawRect(x, y, w, h, paint);
            paint.Color = new SKColor(235, 232, 225);
            canvas.DrawRect(x + (w / 2f) - 1f, y, 2f, h, paint);
        }
    }
}
