using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// What the front of each upper garment shows: collars and buttons (shirt), an open front over an inner shirt
/// (jacket), lapels, belt and buttons (coat), pocket and drawstrings (hoodie), a crew neck, and a chest logo.
/// Drawn clipped to the garment.
/// </summary>
internal static class FrontDetails
{
    public static void Draw(DrawingContext ctx, GarmentCut cut)
    {
        var f = ctx.Frame;
        var upper = ctx.Materials.Upper;
        var detail = ColorMath.Contrast(upper.Color, 0.35f);
        var seam = ctx.Stroke(detail, 0.35f);
        var top = f.ShoulderY - 0.6f;
        switch (ctx.Attributes.UpperGarment)
        {
            case UpperGarment.Shirt:
                ctx.Canvas.DrawLine(0, top + 2f, 0, cut.HemY, seam);
                Buttons(ctx, 0f, top + 4f, cut.HemY - 2f, 5, detail);
                Collar(ctx, top, ColorMath.Mix(upper.Color, SKColors.White, 0.15f));
                break;
            case UpperGarment.Jacket:
                OpenFront(ctx, top, cut.HemY);
                ctx.Canvas.DrawLine(-f.WaistHalf + 1.5f, f.HipY - 1f, -f.WaistHalf + 4.5f, f.HipY - 1f, seam);
                ctx.Canvas.DrawLine(f.WaistHalf - 1.5f, f.HipY - 1f, f.WaistHalf - 4.5f, f.HipY - 1f, seam);
                TorsoPainter.RibBand(ctx, cut.HemY);
                break;
            case UpperGarment.LongCoat:
                Lapels(ctx, top, upper.Color);
                ctx.Canvas.DrawLine(0.6f, f.WaistY, 0.6f, cut.HemY, ctx.Stroke(ColorMath.Scale(upper.Color, 0.4f), 0.45f));
                Buttons(ctx, -1.6f, top + 8f, f.WaistY + 6f, 3, detail);
                Buttons(ctx, 2.8f, top + 8f, f.WaistY + 6f, 3, detail);
                ctx.Canvas.DrawRect(-f.WaistHalf - 2f, f.WaistY - 0.8f, (2 * f.WaistHalf) + 4f, 1.6f, ctx.Solid(ColorMath.Scale(upper.Color, 0.72f)));
                break;
            case UpperGarment.Hoodie:
                var pocket = ctx.Path();
                pocket.MoveTo(-4.8f, cut.HemY - 2f);
                pocket.LineTo(-3.6f, f.WaistY - 1.5f);
                pocket.LineTo(3.6f, f.WaistY - 1.5f);
                pocket.LineTo(4.8f, cut.HemY - 2f);
                ctx.Canvas.DrawPath(pocket, seam);
                NeckRim(ctx, top, ColorMath.Scale(upper.Color, 0.8f));
                break;
            default:
                NeckRim(ctx, top, ColorMath.Scale(upper.Color, 0.8f));
                break;
        }

        if (ctx.Attributes.UpperPattern == GarmentPattern.Logo && ctx.Attributes.PatternColor is { } logo)
        {
            Logo(ctx, Palette.Of(logo), upper.Color);
        }
    }

    private static void Buttons(DrawingContext ctx, float x, float from, float to, int count, SKColor color)
    {
        var paint = ctx.Solid(color);
        for (var i = 0; i < count; i++)
        {
            ctx.Canvas.DrawCircle(x, from + ((to - from) * i / Math.Max(1, count - 1)), 0.45f, paint);
        }
    }

    private static void Collar(DrawingContext ctx, float top, SKColor color)
    {
        var n = ctx.Frame.NeckHalfWidth + 0.8f;
        var path = ctx.Path();
        path.MoveTo(-n, top - 0.2f);
        path.LineTo(-0.3f, top + 2.6f);
        path.LineTo(-n + 0.4f, top + 3.2f);
        path.Close();
        path.MoveTo(n, top - 0.2f);
        path.LineTo(0.3f, top + 2.6f);
        path.LineTo(n - 0.4f, top + 3.2f);
        path.Close();
        ctx.Fill(path, new Material(color));
    }

    private static void Lapels(DrawingContext ctx, float top, SKColor color)
    {
        var n = ctx.Frame.NeckHalfWidth + 0.8f;
        var path = ctx.Path();
        path.MoveTo(-n, top);
        path.LineTo(0, top + 7f);
        path.LineTo(-n - 2.2f, top + 4.5f);
        path.Close();
        path.MoveTo(n, top);
        path.LineTo(0, top + 7f);
        path.LineTo(n + 2.2f, top + 4.5f);
        path.Close();
        ctx.Fill(path, new Material(ColorMath.Scale(color, 0.85f)));
    }

    private static void OpenFront(DrawingContext ctx, float top, float hemY)
    {
        var inner = ctx.Path();
        inner.MoveTo(-1.7f, top);
        inner.LineTo(1.7f, top);
        inner.LineTo(2.3f, hemY + 1f);
        inner.LineTo(-2.3f, hemY + 1f);
        inner.Close();
        ctx.Fill(inner, ctx.Materials.Inner, outline: false);
        var edge = ctx.Stroke(ColorMath.Scale(ctx.Materials.Upper.Color, 0.45f), 0.5f);
        ctx.Canvas.DrawLine(-1.7f, top, -2.3f, hemY, edge);
        ctx.Canvas.DrawLine(1.7f, top, 2.3f, hemY, edge);
        Lapels(ctx, top - 0.4f, ctx.Materials.Upper.Color);
    }

    private static void NeckRim(DrawingContext ctx, float top, SKColor color)
    {
        var n = ctx.Frame.NeckHalfWidth + 0.8f;
        var path = ctx.Path();
        path.MoveTo(-n, top);
        path.QuadTo(0, top + 4.4f, n, top);
        ctx.Canvas.DrawPath(path, ctx.Stroke(color, 0.9f));
    }

    private static void Logo(DrawingContext ctx, SKColor logo, SKColor ground)
    {
        var f = ctx.Frame;
        var y = f.ShoulderY + 5.5f;
        var size = 2.8f * f.Width;
        ctx.Canvas.DrawCircle(0, y + size, size, ctx.Solid(logo));
        ctx.Canvas.DrawRect(-size * 0.35f, y + (size * 0.55f), size * 0.7f, size * 0.9f, ctx.Solid(ground));
    }
}
