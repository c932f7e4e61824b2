using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// Things in front of the person: a pole, the roof of a parked car, a bin, a box, or another pedestrian close
/// to the camera at the edge of the crop (a shoulder and arm in someone else's colours).
/// </summary>
internal static class OccluderPainter
{
    public static void Draw(SKCanvas canvas, int width, int height, OccluderKind kind, float personX, Random random)
    {
        using var paint = new SKPaint { IsAntialias = true };
        var fromLeft = random.Chance(0.5);
        switch (kind)
        {
            case OccluderKind.Pole:
                var poleWidth = width * random.Range(0.07f, 0.14f);
                var x = (personX * width) + (width * random.Range(-0.3f, 0.3f)) - (poleWidth / 2f);
                var metal = StreetBackground.Shift(random.Pick<SKColor>([new(70, 72, 76), new(40, 70, 50), new(30, 30, 34), new(150, 150, 150)]), random, 10);
                using (var shader = SKShader.CreateLinearGradient(
                    new SKPoint(x, 0), new SKPoint(x + poleWidth, 0), [ColorMath.Scale(metal, 1.4f), metal, ColorMath.Scale(metal, 0.6f)], SKShaderTileMode.Clamp))
                {
                    paint.Shader = shader;
                    canvas.DrawRect(x, -1, poleWidth, height + 2, paint);
                }

                break;
            case OccluderKind.Car:
                Car(canvas, width, height, fromLeft, random);
                break;
            case OccluderKind.Bin:
            case OccluderKind.Box:
                var binWidth = width * random.Range(0.35f, 0.6f);
                var left = fromLeft ? -width * 0.05f : width * 1.05f - binWidth;
                var binTop = height * random.Range(0.68f, 0.84f);
                var color = kind == OccluderKind.Box
                    ? StreetBackground.Shift(new SKColor(176, 132, 84), random, 12)
                    : random.Pick<SKColor>([new(40, 80, 50), new(60, 62, 66), new(30, 30, 32), new(40, 70, 140)]);
                paint.Color = color;
                canvas.DrawRoundRect(new SKRect(left, binTop, left + binWidth, height + 10), binWidth * 0.06f, binWidth * 0.06f, paint);
                paint.Color = ColorMath.Scale(color, kind == OccluderKind.Box ? 0.8f : 0.7f);
                canvas.DrawRect(left, binTop, binWidth, height * 0.025f, paint);
                break;
            case OccluderKind.Passerby:
                var other = AttributeSampler.Sample(random);
                var size = height * random.Range(1.05f, 1.45f);
                var center = fromLeft ? -size * random.Range(0f, 0.07f) : width + (size * random.Range(0f, 0.07f));
                var pose = new PedestrianPose(random.Pick(Enum.GetValues<Viewpoint>()), (float)random.NextDouble());
                var bottom = height + (size * random.Range(0.05f, 0.25f));
                PedestrianRenderer.Render(canvas, other, pose, new SKRect(center - (size * 0.2f), bottom - size, center + (size * 0.2f), bottom));
                break;
        }
    }

    /// <summary>A parked car across the bottom of the crop: body, side windows, a door line, a wheel.</summary>
    private static void Car(SKCanvas canvas, int width, int height, bool fromLeft, Random random)
    {
        using var paint = new SKPaint { IsAntialias = true };
        var top = height * random.Range(0.6f, 0.78f);
        var belt = top + (height * 0.09f);
        var body = Palette.Of(AttributeSampler.Color(random));
        paint.Color = ColorMath.Scale(body, 0.9f);
        canvas.DrawRoundRect(new SKRect(-width * 0.1f, top, width * 1.1f, belt + 4f), width * 0.12f, width * 0.12f, paint);
        paint.Color = new SKColor(40, 52, 64);
        canvas.DrawRoundRect(new SKRect(width * 0.02f, top + (height * 0.012f), width * 0.98f, belt), width * 0.06f, width * 0.06f, paint);
        paint.Color = ColorMath.Scale(body, 0.9f);
        canvas.DrawRect(width * random.Range(0.4f, 0.6f), top, width * 0.05f, belt - top, paint);
        using (var shader = SKShader.CreateLinearGradient(
            new SKPoint(0, belt), new SKPoint(0, height), [ColorMath.Scale(body, 1.15f), body, ColorMath.Scale(body, 0.7f)], SKShaderTileMode.Clamp))
        {
            paint.Shader = shader;
            canvas.DrawRect(-width * 0.2f, belt, width * 1.4f, height - belt + 10f, paint);
        }

        paint.Shader = null;
        paint.Color = ColorMath.Scale(body, 0.55f);
        canvas.DrawRect(width * 0.5f, belt, MathF.Max(1f, width * 0.01f), height - belt, paint);
        canvas.DrawRect(width * 0.58f, belt + (height * 0.03f), width * 0.08f, MathF.Max(1f, height * 0.008f), paint);
        paint.Color = new SKColor(22, 22, 24);
        canvas.DrawCircle(fromLeft ? width * 0.12f : width * 0.88f, height * 1.03f, width * 0.24f, paint);
        paint.Color = new SKColor(150, 150, 156);
        canvas.DrawCircle(fromLeft ? width * 0.12f : width * 0.88f, height * 1.03f, width * 0.11f, paint);
    }
}
