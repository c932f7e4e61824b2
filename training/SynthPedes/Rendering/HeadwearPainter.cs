using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// Caps (crown and peak; the peak points at the camera in front views and sideways in profile), beanies with a
/// folded band, wide-brimmed hats, and a hood pulled up (in the upper garment's material, framing the face).
/// </summary>
internal static class HeadwearPainter
{
    /// <summary>The back of a raised hood, drawn before the head so the face sits inside it.</summary>
    public static void HoodBehind(DrawingContext ctx)
    {
        if (ctx.Attributes.Headwear != Headwear.Hood || ctx.Pose.View == Viewpoint.Back)
        {
            return;
        }

        var (c, rx, ry) = HeadPainter.Skull(ctx);
        var shift = ctx.Pose.View == Viewpoint.Front ? 0f : -1.0f;
        var path = ctx.Path();
        path.AddOval(new SKRect(c.X + shift - rx - 1.7f, c.Y - ry - 1.6f, c.X + shift + rx + 1.7f, c.Y + ry + 1.8f));
        ctx.Fill(path, ctx.Materials.Upper.Dimmed(0.85f));
    }

    public static void Draw(DrawingContext ctx)
    {
        var a = ctx.Attributes;
        var (c, rx, ry) = HeadPainter.Skull(ctx);
        var side = ctx.Pose.View is Viewpoint.LeftSide or Viewpoint.RightSide;
        var hat = ctx.Materials.Headwear;
        switch (a.Headwear)
        {
            case Headwear.Cap:
                Crown(ctx, c, rx + 0.35f, ry, c.Y - (ry * 0.3f), hat);
                var peak = ctx.Path();
                if (side)
                {
                    peak.AddRoundRect(new SKRect(c.X + (rx * 0.1f), c.Y - (ry * 0.38f), c.X + rx + 3.4f, c.Y - (ry * 0.2f)), 1f, 0.8f);
                }
                else if (ctx.Pose.View == Viewpoint.Front)
                {
                    peak.AddOval(new SKRect(c.X - rx - 0.4f, c.Y - (ry * 0.46f), c.X + rx + 0.4f, c.Y - (ry * 0.08f)));
                }

                ctx.Fill(peak, hat.Solid(0.92f));
                break;
            case Headwear.Beanie:
                Crown(ctx, c, rx + 0.5f, ry + 1.3f, c.Y - (ry * 0.12f), hat);
                var band = new SKRect(c.X - rx - 0.5f, c.Y - (ry * 0.38f), c.X + rx + 0.5f, c.Y - (ry * 0.1f));
                ctx.Canvas.DrawRoundRect(band, 0.8f, 0.8f, ctx.Solid(ColorMath.Scale(hat.Color, 0.8f)));
                break;
            case Headwear.WideBrimHat:
                Crown(ctx, c, rx * 0.85f, ry + 0.8f, c.Y - (ry * 0.45f), hat);
                var brimHalf = side ? rx + 3.6f : rx + 4.2f;
                var brim = ctx.Path();
                brim.AddOval(new SKRect(c.X - brimHalf, c.Y - (ry * 0.62f), c.X + brimHalf, c.Y - (ry * 0.3f)));
                ctx.Fill(brim, hat.Solid(0.9f));
                break;
            case Headwear.Hood:
                Hood(ctx, c, rx, ry);
                break;
        }
    }

    /// <summary>The dome of a hat: the top of an ellipse down to <paramref name="bottom"/>.</summary>
    private static void Crown(DrawingContext ctx, SKPoint c, float rx, float ry, float bottom, Material material)
    {
        var dome = ctx.Path();
        dome.AddOval(new SKRect(c.X - rx, c.Y - ry - 0.5f, c.X + rx, c.Y + ry));
        ctx.Canvas.Save();
        ctx.Canvas.ClipRect(new SKRect(c.X - rx - 1f, c.Y - ry - 3f, c.X + rx + 1f, bottom));
        ctx.Fill(dome, material);
        ctx.Canvas.Restore();
    }

    private static void Hood(DrawingContext ctx, SKPoint c, float rx, float ry)
    {
        var upper = ctx.Materials.Upper;
        var outer = new SKRect(c.X - rx - 1.7f, c.Y - ry - 1.6f, c.X + rx + 1.7f, c.Y + ry + 1.8f);
        var path = ctx.Path();
        switch (ctx.Pose.View)
        {
            case Viewpoint.Back:
                path.AddOval(outer);
                ctx.Fill(path, upper);
                ctx.Canvas.DrawLine(c.X, outer.Top + 0.8f, c.X, outer.Bottom - 0.5f, ctx.Stroke(ColorMath.Scale(upper.Color, 0.7f), 0.3f));
                return;
            case Viewpoint.Front:
                // A rim over forehead and cheeks leaves the face open.
                path.FillType = SKPathFillType.EvenOdd;
                path.AddOval(outer);
                path.AddOval(new SKRect(c.X - rx + 0.6f, c.Y - ry + 1.6f, c.X + rx - 0.6f, c.Y + ry + 0.4f));
                ctx.Canvas.Save();
                ctx.Canvas.ClipRect(new SKRect(outer.Left - 1f, outer.Top - 1f, outer.Right + 1f, c.Y + (ry * 0.75f)));
                ctx.Fill(path, upper);
                ctx.Canvas.Restore();
                return;
            default:
                path.FillType = SKPathFillType.EvenOdd;
                path.AddOval(new SKRect(outer.Left - 1f, outer.Top, outer.Right - 0.6f, outer.Bottom));
                path.AddOval(new SKRect(c.X - (rx * 0.15f), c.Y - ry + 1.8f, c.X + rx + 2.5f, c.Y + ry + 1f));
                ctx.Fill(path, upper);
                return;
        }
    }
}
