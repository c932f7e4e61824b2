using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// A shoulder bag on the right hip, its strap across the body from the left shoulder. From the left side the
/// bag is behind the body and only the strap over the near shoulder shows.
/// </summary>
internal static class ShoulderBagPainter
{
    public static void FrontBack(DrawingContext ctx)
    {
        if (ctx.Attributes.Bag != BagType.ShoulderBag)
        {
            return;
        }

        var f = ctx.Frame;
        var rightSign = ctx.Pose.View == Viewpoint.Front ? -1f : 1f;
        var bagCenter = new SKPoint(rightSign * (f.HipHalf + 0.6f), f.HipY);
        var shoulder = new SKPoint(-rightSign * f.ShoulderHalf * 0.55f, f.ShoulderY - 0.4f);
        ctx.Canvas.DrawLine(shoulder, new SKPoint(bagCenter.X - (rightSign * 1.5f), bagCenter.Y - 3f), Strap(ctx));
        Bag(ctx, bagCenter);
    }

    /// <summary>The bag itself when it hangs on the near hip (right side visible); drawn over the torso.</summary>
    public static void SideNear(DrawingContext ctx)
    {
        if (ctx.Attributes.Bag != BagType.ShoulderBag)
        {
            return;
        }

        var f = ctx.Frame;
        var strap = Strap(ctx);
        var top = new SKPoint(0.3f, f.ShoulderY - 1.0f);
        ctx.Canvas.DrawLine(top, new SKPoint(f.Depth * 0.75f, f.HipY - 3f), strap);
        ctx.Canvas.DrawLine(top, new SKPoint(-f.Depth * 0.7f, f.HipY - 3f), strap);
        Bag(ctx, new SKPoint(0.8f, f.HipY + 0.5f));
    }

    /// <summary>The bag on the far hip (drawn behind the body) and the strap over the near shoulder.</summary>
    public static void SideFarBag(DrawingContext ctx)
    {
        if (ctx.Attributes.Bag == BagType.ShoulderBag)
        {
            Bag(ctx, new SKPoint(0.5f, ctx.Frame.HipY + 0.5f));
        }
    }

    public static void SideFarStrap(DrawingContext ctx)
    {
        if (ctx.Attributes.Bag != BagType.ShoulderBag)
        {
            return;
        }

        var f = ctx.Frame;
        var strap = Strap(ctx);
        var top = new SKPoint(0.3f, f.ShoulderY - 1.0f);
        ctx.Canvas.DrawLine(top, new SKPoint(f.Depth * 0.85f, f.WaistY + 1f), strap);
        ctx.Canvas.DrawLine(top, new SKPoint(-f.Depth * 0.8f, f.WaistY + 1f), strap);
    }

    private static SKPaint Strap(DrawingContext ctx) => ctx.Stroke(ColorMath.Scale(ctx.Materials.Bag.Color, 0.8f), 0.9f);

    private static void Bag(DrawingContext ctx, SKPoint center)
    {
        var bag = ctx.Materials.Bag;
        var body = new SKRect(center.X - 3.6f, center.Y - 3.2f, center.X + 3.6f, center.Y + 3.6f);
        var path = ctx.Path();
        path.AddRoundRect(body, 1.2f, 1.2f);
        ctx.Fill(path, bag);
        var flap = ctx.Path();
        flap.AddRoundRect(new SKRect(body.Left, body.Top, body.Right, body.Top + 3.4f), 1.2f, 1.2f);
        ctx.Fill(flap, bag.Solid(0.85f));
    }
}
