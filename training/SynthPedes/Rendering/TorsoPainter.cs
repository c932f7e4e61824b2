namespace VfeTps.Stream.SynthPedes;

/// <summary>The upper garment's body: silhouette, pattern, and the details that tell garment types apart.</summary>
internal static class TorsoPainter
{
    public static void FrontBack(DrawingContext ctx)
    {
        var a = ctx.Attributes;
        var cut = GarmentCut.Of(a.UpperGarment, ctx.Frame);
        var path = TorsoOutline.FrontBack(ctx, cut);
        ctx.Fill(path, ctx.Materials.Upper);
        ctx.Canvas.Save();
        ctx.Canvas.ClipPath(path, antialias: true);
        if (a.UpperGarment is UpperGarment.Sweater or UpperGarment.Hoodie)
        {
            RibBand(ctx, cut.HemY);
        }

        if (ctx.Pose.View == Viewpoint.Front)
        {
            FrontDetails.Draw(ctx, cut);
        }
        else
        {
            BackDetails(ctx, cut);
        }

        ctx.Canvas.Restore();
    }

    public static void Side(DrawingContext ctx)
    {
        var a = ctx.Attributes;
        var cut = GarmentCut.Of(a.UpperGarment, ctx.Frame);
        var path = TorsoOutline.Side(ctx, cut);
        ctx.Fill(path, ctx.Materials.Upper);
        ctx.Canvas.Save();
        ctx.Canvas.ClipPath(path, antialias: true);
        if (a.UpperGarment is UpperGarment.Sweater or UpperGarment.Hoodie)
        {
            RibBand(ctx, cut.HemY);
        }

        var f = ctx.Frame;
        var seam = ctx.Stroke(ColorMath.Contrast(ctx.Materials.Upper.Color, 0.3f), 0.35f);
        if (a.UpperGarment is UpperGarment.Jacket or UpperGarment.LongCoat or UpperGarment.Shirt)
        {
            // The closing edge runs down the front.
            ctx.Canvas.DrawLine(f.Depth * 0.8f, f.ShoulderY + 1f, f.Depth + 0.6f, cut.HemY, seam);
        }

        if (a.UpperGarment == UpperGarment.LongCoat)
        {
            ctx.Canvas.DrawRect(-f.Depth - 2f, f.WaistY - 0.8f, (2 * f.Depth) + 4f, 1.6f, ctx.Solid(ColorMath.Scale(ctx.Materials.Upper.Color, 0.75f)));
        }

        ctx.Canvas.Restore();
    }

    public static void RibBand(DrawingContext ctx, float hemY)
    {
        ctx.Canvas.DrawRect(-30f, hemY - 2.0f, 60f, 2.8f, ctx.Solid(ColorMath.Scale(ctx.Materials.Upper.Color, 0.78f)));
    }

    private static void BackDetails(DrawingContext ctx, GarmentCut cut)
    {
        var f = ctx.Frame;
        var seam = ctx.Stroke(ColorMath.Contrast(ctx.Materials.Upper.Color, 0.3f), 0.35f);
        switch (ctx.Attributes.UpperGarment)
        {
            case UpperGarment.Shirt:
                ctx.Canvas.DrawLine(-f.ShoulderHalf, f.ShoulderY + 4f, f.ShoulderHalf, f.ShoulderY + 4f, seam);
                break;
            case UpperGarment.Jacket:
                ctx.Canvas.DrawLine(0, f.ShoulderY, 0, cut.HemY, seam);
                RibBand(ctx, cut.HemY);
                break;
            case UpperGarment.LongCoat:
                ctx.Canvas.DrawLine(0, f.HipY, 0, cut.HemY, ctx.Stroke(ColorMath.Scale(ctx.Materials.Upper.Color, 0.4f), 0.5f));
                ctx.Canvas.DrawRect(-f.WaistHalf - 2f, f.WaistY - 0.8f, (2 * f.WaistHalf) + 4f, 1.6f, ctx.Solid(ColorMath.Scale(ctx.Materials.Upper.Color, 0.75f)));
                break;
        }
    }
}
