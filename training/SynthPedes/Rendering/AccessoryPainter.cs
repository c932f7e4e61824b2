using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>Glasses (frames on the face; invisible from behind) and a scarf (around the neck, ends hanging in front).</summary>
internal static class AccessoryPainter
{
    public static void Glasses(DrawingContext ctx)
    {
        if (!ctx.Attributes.Glasses || ctx.Pose.View == Viewpoint.Back)
        {
            return;
        }

        var (c, rx, _) = HeadPainter.Skull(ctx);
        var eyeY = ctx.Frame.EyeY;
        var frame = ctx.Stroke(new SKColor(20, 20, 24), 0.38f);
        var lens = ctx.Solid(new SKColor(40, 50, 70, 70));
        if (ctx.Pose.View == Viewpoint.Front)
        {
            var dx = rx * 0.38f;
            foreach (var sign in (ReadOnlySpan<float>)[-1f, 1f])
            {
                var rect = new SKRect((sign * dx) - 1.25f, eyeY - 0.85f, (sign * dx) + 1.25f, eyeY + 0.85f);
                ctx.Canvas.DrawRoundRect(rect, 0.5f, 0.5f, lens);
                ctx.Canvas.DrawRoundRect(rect, 0.5f, 0.5f, frame);
            }

            ctx.Canvas.DrawLine(-dx + 1.25f, eyeY - 0.3f, dx - 1.25f, eyeY - 0.3f, frame);
            return;
        }

        var lensRect = new SKRect(c.X + (rx * 0.5f), eyeY - 0.85f, c.X + rx + 0.2f, eyeY + 0.85f);
        ctx.Canvas.DrawRoundRect(lensRect, 0.4f, 0.4f, lens);
        ctx.Canvas.DrawRoundRect(lensRect, 0.4f, 0.4f, frame);
        ctx.Canvas.DrawLine(lensRect.Left, eyeY - 0.4f, c.X - 0.6f, eyeY, frame);
    }

    public static void Scarf(DrawingContext ctx)
    {
        if (ctx.Attributes.ScarfColor is null)
        {
            return;
        }

        var f = ctx.Frame;
        var scarf = ctx.Materials.Scarf;
        var side = ctx.Pose.View is Viewpoint.LeftSide or Viewpoint.RightSide;
        var half = f.NeckHalfWidth + (side ? 1.8f : 1.6f);
        var x = side ? 0.3f : 0f;
        var band = ctx.Path();
        band.AddRoundRect(new SKRect(x - half, f.HeadHeight - 0.8f, x + half, f.ShoulderY + 1.4f), 1.6f, 1.6f);
        ctx.Fill(band, scarf);
        if (ctx.Pose.View == Viewpoint.Back)
        {
            return;
        }

        var endX = side ? f.Depth * 0.65f : -1.2f;
        var end = ctx.Path();
        end.AddRoundRect(new SKRect(endX - 1.3f, f.ShoulderY, endX + 1.3f, f.ShoulderY + 11f), 0.6f, 0.6f);
        ctx.Fill(end, scarf.Dimmed(0.95f));
        var fringe = ctx.Stroke(ColorMath.Scale(scarf.Color, 0.7f), 0.25f);
        for (var i = -1; i <= 1; i++)
        {
            ctx.Canvas.DrawLine(endX + (i * 0.8f), f.ShoulderY + 11f, endX + (i * 0.8f), f.ShoulderY + 12.2f, fringe);
        }
    }
}
