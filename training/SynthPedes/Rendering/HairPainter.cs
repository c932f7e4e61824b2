using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// Hair by length and colour. <see cref="Behind"/> is the mass behind the head (drawn before the head and, for
/// long hair, before the torso); <see cref="Over"/> is what lies on top: the fringe, side locks, long hair
/// falling over shoulders or down the back. Under a hood only long hair shows.
/// </summary>
internal static class HairPainter
{
    public static void Behind(DrawingContext ctx)
    {
        var a = ctx.Attributes;
        var hood = a.Headwear == Headwear.Hood;
        if (a.HairLength is HairLength.Bald or HairLength.Short || ctx.Pose.View == Viewpoint.Back || (hood && a.HairLength != HairLength.Long))
        {
            return;
        }

        var f = ctx.Frame;
        var (c, rx, _) = HeadPainter.Skull(ctx);
        var side = ctx.Pose.View is Viewpoint.LeftSide or Viewpoint.RightSide;
        var bottom = a.HairLength == HairLength.Long ? f.ShoulderY + 9f : f.HeadHeight * 1.08f;
        var path = ctx.Path();
        // Under a hood only the ends of long hair show, below the chin.
        var top = f.HeadHeight * (hood ? 0.95f : 0.12f);
        var rect = side
            ? new SKRect(c.X - rx - 1.0f, top, c.X + (rx * 0.1f), bottom)
            : new SKRect(c.X - rx - 1.4f, top, c.X + rx + 1.4f, bottom);
        path.AddRoundRect(rect, 3.5f, 3.5f);
        ctx.Fill(path, ctx.Materials.Hair.Dimmed(0.8f));
    }

    public static void Over(DrawingContext ctx)
    {
        var a = ctx.Attributes;
        if (a.HairLength == HairLength.Bald || (a.Headwear == Headwear.Hood && a.HairLength != HairLength.Long))
        {
            return;
        }

        switch (ctx.Pose.View)
        {
            case Viewpoint.Front:
                FrontOver(ctx);
                break;
            case Viewpoint.Back:
                BackOver(ctx);
                break;
            default:
                SideOver(ctx);
                break;
        }
    }

    private static void FrontOver(DrawingContext ctx)
    {
        var a = ctx.Attributes;
        var f = ctx.Frame;
        var (c, rx, ry) = HeadPainter.Skull(ctx);
        var hair = ctx.Materials.Hair;
        if (a.Headwear != Headwear.Hood)
        {
            var cap = ctx.Path();
            cap.MoveTo(c.X + rx + 1f, f.EyeY - 0.8f);
            cap.LineTo(c.X + rx + 1f, -2f);
            cap.LineTo(c.X - rx - 1f, -2f);
            cap.LineTo(c.X - rx - 1f, f.EyeY - 0.8f);
            cap.CubicTo(c.X - (rx * 0.4f), f.HeadHeight * 0.42f, c.X + (rx * 0.5f), f.HeadHeight * 0.14f, c.X + rx + 1f, f.EyeY - 0.8f);
            Clipped(ctx, cap, c, rx + 0.5f, ry + 0.6f, hair);
        }

        if (a.HairLength == HairLength.Short)
        {
            return;
        }

        var end = a.HairLength == HairLength.Long ? f.ShoulderY + 7.5f : f.HeadHeight * 1.02f;
        var bulge = a.HairLength == HairLength.Long ? 1.6f : 0.9f;
        foreach (var sign in (ReadOnlySpan<float>)[-1f, 1f])
        {
            var root = new SKPoint(sign * (rx - 0.2f), f.HeadHeight * 0.3f);
            var joint = new SKPoint(sign * (rx + 0.6f), Limb.Lerp(root.Y, end, 0.5f));
            var tip = new SKPoint(sign * (rx + bulge), end);
            ctx.Fill(new Limb(root, joint, tip, 1.3f, 1.5f, 0.9f), hair);
        }
    }

    private static void BackOver(DrawingContext ctx)
    {
        var a = ctx.Attributes;
        var f = ctx.Frame;
        var (c, rx, ry) = HeadPainter.Skull(ctx);
        var hair = ctx.Materials.Hair;
        var nape = a.HairLength switch { HairLength.Short => f.HeadHeight * 0.86f, HairLength.Medium => f.HeadHeight * 1.15f, _ => f.ShoulderY + 12f };
        var width = a.HairLength == HairLength.Long ? rx + 1.6f : rx + 0.5f;
        var path = ctx.Path();
        path.AddOval(new SKRect(c.X - rx - 0.5f, c.Y - ry - 0.6f, c.X + rx + 0.5f, c.Y + ry + 0.2f));
        if (a.HairLength == HairLength.Short)
        {
            ctx.Canvas.Save();
            ctx.Canvas.ClipRect(new SKRect(-30f, -5f, 30f, nape));
            ctx.Fill(path, hair);
            ctx.Canvas.Restore();
            return;
        }

        path.AddRoundRect(new SKRect(c.X - width, c.Y, c.X + width, nape), 3f, 3f);
        ctx.Fill(path, hair, overlapping: true);
        ctx.Canvas.DrawLine(c.X, c.Y - ry + 0.5f, c.X + 0.3f, nape - 1f, ctx.Stroke(ColorMath.Scale(hair.Color, 0.7f), 0.3f));
    }

    private static void SideOver(DrawingContext ctx)
    {
        var a = ctx.Attributes;
        var f = ctx.Frame;
        var (c, rx, ry) = HeadPainter.Skull(ctx);
        var hair = ctx.Materials.Hair;
        var h = f.HeadHeight;
        if (a.Headwear != Headwear.Hood)
        {
            var cap = ctx.Path();
            cap.AddPoly([
                new(c.X + (rx * 0.95f), -2f), new(c.X + (rx * 0.85f), h * 0.22f), new(c.X + (rx * 0.2f), h * 0.34f),
                new(c.X - (rx * 0.05f), h * 0.5f), new(c.X - (rx * 0.55f), h * 0.8f), new(c.X - rx - 1f, h * 0.9f), new(c.X - rx - 1f, -2f)]);
            Clipped(ctx, cap, c, rx + 0.5f, ry + 0.6f, hair);
        }

        if (a.HairLength == HairLength.Long)
        {
            var root = new SKPoint(c.X - (rx * 0.5f), h * 0.6f);
            var joint = new SKPoint(c.X - rx - 0.2f, f.ShoulderY + 2f);
            var tip = new SKPoint(-f.Depth - 0.4f, f.ShoulderY + 11f);
            ctx.Fill(new Limb(root, joint, tip, 2.4f, 2.1f, 1.2f), hair);
        }
    }

    private static void Clipped(DrawingContext ctx, SKPath path, SKPoint c, float rx, float ry, Material hair)
    {
        var skull = ctx.Path();
        skull.AddOval(new SKRect(c.X - rx, c.Y - ry, c.X + rx, c.Y + ry));
        ctx.Canvas.Save();
        ctx.Canvas.ClipPath(skull, antialias: true);
        ctx.Fill(path, hair, outline: false);
        ctx.Canvas.Restore();
    }
}
