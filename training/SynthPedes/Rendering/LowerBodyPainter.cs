using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// Hips and legs by lower garment: trousers hang loosely to the ankle, jeans are slimmer with contrast
/// stitching and a turned-up hem, shorts end above the knee over bare legs, a skirt flares over bare legs.
/// </summary>
internal static class LowerBodyPainter
{
    public static void Leg(DrawingContext ctx, Limb leg, float light)
    {
        var a = ctx.Attributes;
        var lower = ctx.Materials.Lower.Dimmed(light);
        switch (a.LowerGarment)
        {
            case LowerGarment.Trousers:
                ctx.Fill(leg.Widen(0.5f) with { EndRadius = leg.EndRadius + 1.1f }, lower);
                break;
            case LowerGarment.Jeans:
                var jeans = leg.Widen(0.25f) with { EndRadius = leg.EndRadius + 0.6f };
                ctx.Fill(jeans, lower);
                Stitching(ctx, jeans, light);
                break;
            case LowerGarment.Shorts:
                ctx.Fill(leg with { EndRadius = leg.EndRadius * 0.85f }, ctx.Materials.Skin.Dimmed(light));
                ctx.Fill(leg.Until(0.37f).Widen(0.9f), lower);
                break;
            default:
                ctx.Fill(leg with { EndRadius = leg.EndRadius * 0.85f }, ctx.Materials.Skin.Dimmed(light));
                break;
        }
    }

    /// <summary>The seat of the trousers, between the upper garment's hem and the legs.</summary>
    public static void Hips(DrawingContext ctx, bool side)
    {
        if (ctx.Attributes.LowerGarment == LowerGarment.Skirt)
        {
            return;
        }

        var f = ctx.Frame;
        var path = ctx.Path();
        if (side)
        {
            path.AddPoly([
                new(-f.Depth * 0.98f, f.WaistY + 1f), new(f.Depth * 0.9f, f.WaistY + 1f),
                new(f.Depth * 0.8f, f.CrotchY + 0.5f), new(-f.Depth * 0.92f, f.CrotchY + 1.5f)]);
        }
        else
        {
            path.AddPoly([
                new(-f.HipHalf - 0.3f, f.WaistY + 1.5f), new(f.HipHalf + 0.3f, f.WaistY + 1.5f),
                new(f.HipHalf + 0.2f, f.HipY + 1.5f), new(f.LegJointX * 0.3f, f.CrotchY + 1.8f),
                new(-f.LegJointX * 0.3f, f.CrotchY + 1.8f), new(-f.HipHalf - 0.2f, f.HipY + 1.5f)]);
        }

        ctx.Fill(path, ctx.Materials.Lower, outline: false);
    }

    /// <summary>A skirt from the waist to just above the knee, flaring, with two folds.</summary>
    public static void Skirt(DrawingContext ctx, bool side)
    {
        if (ctx.Attributes.LowerGarment != LowerGarment.Skirt)
        {
            return;
        }

        var f = ctx.Frame;
        var sway = side ? 1.2f * ctx.Pose.Swing : 0f;
        var (back, front) = side ? (-f.Depth, f.Depth * 0.9f) : (-f.WaistHalf - 0.4f, f.WaistHalf + 0.4f);
        var hemY = f.KneeY - 2f;
        var path = ctx.Path();
        path.MoveTo(back, f.WaistY + 0.5f);
        path.LineTo(front, f.WaistY + 0.5f);
        path.QuadTo(front + 1.2f, f.HipY, front + 3.2f + sway, hemY);
        path.QuadTo((back + front) / 2f, hemY + 1.4f, back - 3.2f + sway, hemY);
        path.QuadTo(back - 1.2f, f.HipY, back, f.WaistY + 0.5f);
        path.Close();
        ctx.Fill(path, ctx.Materials.Lower);
        var fold = ctx.Stroke(ColorMath.Scale(ctx.Materials.Lower.Color, 0.7f), 0.35f);
        ctx.Canvas.DrawLine(back * 0.35f, f.HipY, (back * 0.55f) + sway, hemY, fold);
        ctx.Canvas.DrawLine(front * 0.35f, f.HipY, (front * 0.55f) + sway, hemY, fold);
    }

    private static void Stitching(DrawingContext ctx, Limb jeans, float light)
    {
        var thread = ColorMath.Scale(ColorMath.Mix(ctx.Materials.Lower.Color, new SKColor(222, 170, 92), 0.55f), light);
        var paint = ctx.Stroke(thread, 0.22f);
        var outward = jeans.Root.X >= 0 ? 1f : -1f;
        ctx.Canvas.DrawLine(jeans.Root.X + (outward * jeans.RootRadius * 0.8f), jeans.Root.Y, jeans.Joint.X + (outward * jeans.JointRadius * 0.8f), jeans.Joint.Y, paint);
        ctx.Canvas.DrawLine(jeans.Joint.X + (outward * jeans.JointRadius * 0.8f), jeans.Joint.Y, jeans.End.X + (outward * jeans.EndRadius * 0.8f), jeans.End.Y, paint);
        var cuff = ctx.Stroke(ColorMath.Mix(ColorMath.Scale(ctx.Materials.Lower.Color, light), SKColors.White, 0.25f), 1.0f);
        ctx.Canvas.DrawLine(jeans.End.X - jeans.EndRadius, jeans.End.Y - 0.6f, jeans.End.X + jeans.EndRadius, jeans.End.Y - 0.6f, cuff);
    }
}
