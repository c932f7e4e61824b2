using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// A backpack: fully visible from behind (body, front pocket, zip, top handle), only its straps from the
/// front, and its depth plus one strap from the side.
/// </summary>
internal static class BackpackPainter
{
    public static void Back(DrawingContext ctx)
    {
        if (ctx.Attributes.Bag != BagType.Backpack)
        {
            return;
        }

        var f = ctx.Frame;
        var bag = ctx.Materials.Bag;
        var half = f.ShoulderHalf * 0.78f;
        var body = new SKRect(-half, f.ShoulderY + 0.2f, half, f.WaistY + 5f);
        var loop = ctx.Stroke(ColorMath.Scale(bag.Color, 0.6f), 0.7f);
        ctx.Canvas.DrawOval(new SKRect(-1.8f, body.Top - 1.6f, 1.8f, body.Top + 1.2f), loop);
        var path = ctx.Path();
        path.AddRoundRect(body, 3.2f, 3.2f);
        ctx.Fill(path, bag);
        var pocket = ctx.Path();
        pocket.AddRoundRect(new SKRect(-half + 1.4f, body.MidY + 1f, half - 1.4f, body.Bottom - 0.8f), 2f, 2f);
        ctx.Fill(pocket, bag.Solid(0.82f));
        var zip = ctx.Path();
        zip.MoveTo(-half + 1f, body.Top + 5f);
        zip.QuadTo(0, body.Top + 1f, half - 1f, body.Top + 5f);
        ctx.Canvas.DrawPath(zip, ctx.Stroke(ColorMath.Contrast(bag.Color, 0.4f), 0.3f));
    }

    public static void FrontStraps(DrawingContext ctx)
    {
        if (ctx.Attributes.Bag != BagType.Backpack)
        {
            return;
        }

        var f = ctx.Frame;
        var strap = ctx.Stroke(ColorMath.Scale(ctx.Materials.Bag.Color, 0.85f), 1.5f);
        var buckle = ctx.Solid(new SKColor(40, 40, 44));
        foreach (var sign in (ReadOnlySpan<float>)[-1f, 1f])
        {
            var top = new SKPoint(sign * f.ShoulderHalf * 0.52f, f.ShoulderY - 0.3f);
            var bottom = new SKPoint(sign * f.ShoulderHalf * 0.64f, f.ShoulderY + 15f);
            ctx.Canvas.DrawLine(top, bottom, strap);
            ctx.Canvas.DrawRect(bottom.X - 0.9f, bottom.Y - 5f, 1.8f, 1.1f, buckle);
        }
    }

    public static void Side(DrawingContext ctx)
    {
        if (ctx.Attributes.Bag != BagType.Backpack)
        {
            return;
        }

        var f = ctx.Frame;
        var bag = ctx.Materials.Bag;
        var body = new SKRect(-f.Depth - 5.4f, f.ShoulderY + 0.6f, -f.Depth + 1.0f, f.WaistY + 5f);
        var path = ctx.Path();
        path.AddRoundRect(body, 2.6f, 2.6f);
        ctx.Fill(path, bag);
        var pocket = ctx.Path();
        pocket.AddRoundRect(new SKRect(body.Left - 1.2f, body.MidY, body.Left + 2.5f, body.Bottom - 1f), 1.4f, 1.4f);
        ctx.Fill(pocket, bag.Solid(0.82f));
        var strap = ctx.Path();
        strap.MoveTo(-f.Depth + 0.8f, f.ShoulderY + 0.5f);
        strap.QuadTo(2.2f, f.ShoulderY - 2.2f, f.Depth * 0.55f, f.ShoulderY + 7f);
        strap.QuadTo(0, f.WaistY, -f.Depth + 0.5f, f.WaistY + 3f);
        ctx.Canvas.DrawPath(strap, ctx.Stroke(ColorMath.Scale(bag.Color, 0.85f), 1.4f));
    }
}
