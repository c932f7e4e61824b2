using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// A cluttered street behind the person: a facade in the camera's style (brick courses, plaster with windows,
/// glass panels, a shopfront with a sign), the pavement with joints and a kerb, and clutter in other colours
/// (posters, plants, distant people, poles). Each shot sees a different stretch of the same street.
/// </summary>
internal static class StreetBackground
{
    public static void Draw(SKCanvas canvas, int width, int height, CameraProfile camera, Random random)
    {
        var horizon = height * Math.Clamp(camera.Horizon + random.Range(-0.05f, 0.05f), 0.4f, 0.88f);
        var wall = Shift(camera.WallColor, random, 14);
        using (var paint = new SKPaint { IsAntialias = true })
        {
            using var shader = SKShader.CreateLinearGradient(
                new SKPoint(0, 0), new SKPoint(0, horizon), [ColorMath.Scale(wall, 1.12f), ColorMath.Scale(wall, 0.88f)], SKShaderTileMode.Clamp);
            paint.Shader = shader;
            canvas.DrawRect(0, 0, width, horizon, paint);
        }

        // Mostly the camera's own facade; sometimes the crop catches the neighbouring building.
        var facade = random.Chance(0.25) ? random.Pick(Enum.GetValues<FacadeStyle>()) : camera.Facade;
        FacadePainter.Draw(canvas, width, horizon, facade, camera.AccentColor, wall, random);
        Clutter(canvas, width, horizon, random);
        Ground(canvas, width, height, horizon, Shift(camera.GroundColor, random, 10), random);
        DistantPeople(canvas, width, horizon, random);
    }

    public static SKColor Shift(SKColor c, Random random, int amount) => new(
        ColorMath.Clamp(c.Red + random.Next(-amount, amount + 1)),
        ColorMath.Clamp(c.Green + random.Next(-amount, amount + 1)),
        ColorMath.Clamp(c.Blue + random.Next(-amount, amount + 1)));

    private static void Ground(SKCanvas canvas, int width, int height, float horizon, SKColor ground, Random random)
    {
        using var paint = new SKPaint { IsAntialias = true };
        using (var shader = SKShader.CreateLinearGradient(
            new SKPoint(0, horizon), new SKPoint(0, height), [ColorMath.Scale(ground, 1.08f), ColorMath.Scale(ground, 0.86f)], SKShaderTileMode.Clamp))
        {
            paint.Shader = shader;
            canvas.DrawRect(0, horizon, width, height - horizon, paint);
        }

        paint.Shader = null;
        paint.Color = ColorMath.Scale(ground, 1.25f);
        canvas.DrawRect(0, horizon, width, MathF.Max(1.5f, height * 0.012f), paint);
        paint.Color = ColorMath.Scale(ground, 0.75f).WithAlpha(160);
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = MathF.Max(0.6f, width / 200f);
        var vanishing = width * random.Range(-0.5f, 1.5f);
        var joints = random.Next(3, 7);
        for (var i = 0; i <= joints; i++)
        {
            var x = width * ((i / (float)joints * 2.4f) - 0.7f);
            canvas.DrawLine(vanishing + ((x - vanishing) * 0.15f), horizon, x, height, paint);
        }

        var y = horizon;
        var gap = (height - horizon) * random.Range(0.12f, 0.25f);
        while ((y += gap) < height)
        {
            canvas.DrawLine(0, y, width, y, paint);
            gap *= 1.35f;
        }
    }

    private static void Clutter(SKCanvas canvas, int width, float horizon, Random random)
    {
        using var paint = new SKPaint { IsAntialias = true };
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            paint.Color = Palette.Of(AttributeSampler.Color(random));
            var w = width * random.Range(0.1f, 0.35f);
            var h = horizon * random.Range(0.08f, 0.3f);
            var x = random.Range(-0.1f, 1f) * width;
            var y = random.Range(0.05f, 0.85f) * horizon;
            if (random.Chance(0.35))
            {
                // A plant or shrub: clustered green blobs at the foot of the wall.
                paint.Color = new SKColor((byte)random.Next(30, 80), (byte)random.Next(90, 150), (byte)random.Next(30, 70));
                for (var leaf = 0; leaf < 5; leaf++)
                {
                    canvas.DrawCircle(x + random.Range(0, w), horizon - random.Range(0, h), random.Range(0.3f, 0.6f) * w, paint);
                }
            }
            else
            {
                canvas.DrawRect(x, y, w, h, paint);
                paint.Color = ColorMath.Contrast(paint.Color, 0.5f);
                canvas.DrawRect(x + (w * 0.15f), y + (h * 0.2f), w * 0.7f, h * 0.15f, paint);
            }
        }

        if (random.Chance(0.5))
        {
            paint.Color = Shift(new SKColor(60, 64, 66), random, 20);
            var x = random.Range(0f, 1f) * width;
            canvas.DrawRect(x, 0, MathF.Max(1.5f, width * random.Range(0.02f, 0.05f)), horizon + (width * 0.05f), paint);
        }
    }

    private static void DistantPeople(SKCanvas canvas, int width, float horizon, Random random)
    {
        using var paint = new SKPaint { IsAntialias = true };
        var count = random.Next(0, 4);
        for (var i = 0; i < count; i++)
        {
            var h = horizon * random.Range(0.2f, 0.42f);
            var x = random.Range(0f, 1f) * width;
            var feet = horizon + random.Range(0.02f, 0.08f) * width;
            // Far-away people: legs, torso with arms, head; just enough to add other people's colours.
            paint.Color = Palette.Of(AttributeSampler.Color(random));
            canvas.DrawRect(x - (h * 0.075f), feet - (h * 0.47f), h * 0.065f, h * 0.47f, paint);
            canvas.DrawRect(x + (h * 0.01f), feet - (h * 0.47f), h * 0.065f, h * 0.47f, paint);
            paint.Color = Palette.Of(AttributeSampler.Color(random));
            canvas.DrawRoundRect(x - (h * 0.11f), feet - (h * 0.83f), h * 0.22f, h * 0.4f, h * 0.05f, h * 0.05f, paint);
            paint.Color = Palette.Of(random.Pick(Enum.GetValues<SkinTone>()));
            canvas.DrawCircle(x, feet - (h * 0.9f), h * 0.065f, paint);
        }
    }
}
