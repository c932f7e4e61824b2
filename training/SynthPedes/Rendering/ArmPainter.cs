using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>An arm: skin, the sleeve over it (short sleeves leave the forearm bare), a cuff, and the hand.</summary>
internal static class ArmPainter
{
    /// <param name="ctx">The figure being drawn.</param>
    /// <param name="arm">The arm's limb.</param>
    /// <param name="light">1 for the lit side, less for a far-side arm.</param>
    /// <param name="upperOnly">Only shoulder to elbow: from behind, a forearm raised in front of the body is hidden.</param>
    public static void Draw(DrawingContext ctx, Limb arm, float light, bool upperOnly = false)
    {
        if (upperOnly)
        {
            arm = arm with { End = arm.Joint, EndRadius = arm.JointRadius, Joint = Limb.Lerp(arm.Root, arm.Joint, 0.5f), JointRadius = Limb.Lerp(arm.RootRadius, arm.JointRadius, 0.5f) };
        }

        var materials = ctx.Materials;
        var cut = GarmentCut.Of(ctx.Attributes.UpperGarment, ctx.Frame);
        var skin = materials.Skin.Dimmed(light);
        if (cut.SleeveEnd < 0.9f)
        {
            ctx.Fill(arm, skin);
        }

        if (!upperOnly)
        {
            Hand(ctx, arm, skin);
        }

        var sleeve = arm.Until(cut.SleeveEnd).Widen(cut.SleeveWiden);
        ctx.Fill(sleeve, materials.Upper.Dimmed(light));
        if (ctx.Attributes.UpperGarment is UpperGarment.Sweater or UpperGarment.Hoodie)
        {
            var cuff = ColorMath.Scale(materials.Upper.Color, 0.78f * light);
            ctx.Canvas.DrawCircle(sleeve.End, sleeve.EndRadius * 0.95f, ctx.Solid(cuff));
        }
    }

    /// <summary>Where the hand is: a little past the wrist along the forearm.</summary>
    public static SKPoint HandCenter(Limb arm)
    {
        var dx = arm.End.X - arm.Joint.X;
        var dy = arm.End.Y - arm.Joint.Y;
        var length = MathF.Max(MathF.Sqrt((dx * dx) + (dy * dy)), 1e-3f);
        return new SKPoint(arm.End.X + (dx / length * 1.5f), arm.End.Y + (dy / length * 1.5f));
    }

    private static void Hand(DrawingContext ctx, Limb arm, Material skin)
    {
        var c = HandCenter(arm);
        var r = 1.55f * ctx.Frame.Width;
        var paint = ctx.Shaded(skin, new SKPoint(c.X - r, c.Y - r), new SKPoint(c.X + r, c.Y + r));
        ctx.Canvas.DrawOval(c, new SKSize(r * 0.9f, r * 1.15f), paint);
    }
}
