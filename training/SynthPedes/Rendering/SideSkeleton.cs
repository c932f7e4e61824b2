using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// Limbs seen from the side, drawn facing +x (the renderer mirrors the canvas for the other side). Legs swing
/// about the hip and the trailing knee bends; arms swing against their leg. The pelvis drops so that the
/// lower foot stays on the ground.
/// </summary>
internal static class SideSkeleton
{
    private const float LegAmplitude = 0.3f;

    /// <summary>The limbs, plus how far the upper body must drop for the lower foot to touch the ground.</summary>
    public static (Skeleton Skeleton, float Drop) Create(DrawingContext ctx, bool nearIsRight)
    {
        var f = ctx.Frame;
        var swing = ctx.Pose.Swing;
        var thigh = f.KneeY - f.HipY;
        var shin = f.AnkleY - f.KneeY;
        var (nearLeg, nearAnkle) = Leg(f, LegAmplitude * swing, thigh, shin);
        var (farLeg, farAnkle) = Leg(f, -LegAmplitude * swing, thigh, shin);
        var drop = f.AnkleY - MathF.Max(nearAnkle, farAnkle);
        var (rightItem, leftItem) = HandItems.For(ctx.Attributes);
        var nearArm = Arm(f, -0.75f * LegAmplitude * swing, nearIsRight ? rightItem : leftItem);
        var farArm = Arm(f, 0.75f * LegAmplitude * swing, nearIsRight ? leftItem : rightItem);
        var skeleton = nearIsRight
            ? new Skeleton(nearArm, farArm, nearLeg, farLeg)
            : new Skeleton(farArm, nearArm, farLeg, nearLeg);
        return (skeleton, drop);
    }

    private static (Limb Leg, float AnkleY) Leg(BodyFrame f, float angle, float thigh, float shin)
    {
        var root = new SKPoint(0.2f, f.HipY);
        var knee = Limb.Towards(root, angle, thigh);
        var bend = MathF.Max(0f, -angle) * 1.1f;
        var ankle = Limb.Towards(knee, angle - bend, shin);
        return (new Limb(root, knee, ankle, f.ThighRadius, f.KneeRadius, f.AnkleRadius), ankle.Y);
    }

    private static Limb Arm(BodyFrame f, float angle, HandItem item)
    {
        var root = new SKPoint(-0.3f, f.ShoulderY + 1.8f);
        if (item == HandItem.Phone)
        {
            // Upper arm down, forearm forward and slightly up, as when reading a phone.
            var bentElbow = Limb.Towards(root, -0.08f, f.UpperArmLength * 0.92f);
            return new Limb(root, bentElbow, Limb.Towards(bentElbow, 1.95f, f.ForearmLength * 0.85f), f.UpperArmRadius, f.ElbowRadius, f.WristRadius);
        }

        var swing = item == HandItem.None ? angle : angle * 0.3f;
        var elbow = Limb.Towards(root, swing, f.UpperArmLength);
        var wrist = Limb.Towards(elbow, swing + 0.18f + (0.6f * MathF.Max(0f, swing)), f.ForearmLength);
        return new Limb(root, elbow, wrist, f.UpperArmRadius, f.ElbowRadius, f.WristRadius);
    }
}
