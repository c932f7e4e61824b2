using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// Limbs seen from the front or the back. Walking shows as the leg nearer the camera reaching lower, the
/// other heel lifting, and the arm swinging towards the camera rising and moving in (foreshortening).
/// </summary>
internal static class FrontBackSkeleton
{
    public static Skeleton Create(DrawingContext ctx)
    {
        var f = ctx.Frame;
        var front = ctx.Pose.View == Viewpoint.Front;
        var rightSign = front ? -1f : 1f;
        var swing = ctx.Pose.Swing;
        var (rightItem, leftItem) = HandItems.For(ctx.Attributes);
        var rightLegToCamera = front ? swing : -swing;
        return new Skeleton(
            Arm(f, rightSign, -rightLegToCamera, rightItem),
            Arm(f, -rightSign, rightLegToCamera, leftItem),
            Leg(f, rightSign, rightLegToCamera),
            Leg(f, -rightSign, -rightLegToCamera));
    }

    private static Limb Leg(BodyFrame f, float sign, float towardsCamera)
    {
        var near = MathF.Max(0f, towardsCamera);
        var far = MathF.Max(0f, -towardsCamera);
        var x = sign * f.LegJointX;
        var root = new SKPoint(x, f.HipY - 1f);
        var knee = new SKPoint(x - (sign * 0.15f), f.KneeY + (0.6f * near) - (1.2f * far));
        var ankle = new SKPoint(x + (sign * 0.2f), f.AnkleY + (0.9f * near) - (2.2f * far));
        return new Limb(root, knee, ankle, f.ThighRadius, f.KneeRadius, f.AnkleRadius);
    }

    private static Limb Arm(BodyFrame f, float sign, float towardsCamera, HandItem item)
    {
        var root = new SKPoint(sign * f.ArmJointX, f.ShoulderY + 1.6f);
        var outward = f.IsHeavy ? 1.5f : 0.9f;
        if (item == HandItem.Phone)
        {
            // Forearm raised across the chest, hand in front of the sternum.
            var bentElbow = new SKPoint(sign * (f.ArmJointX + outward), root.Y + (f.UpperArmLength * 0.9f));
            var hand = new SKPoint(sign * 2.4f, f.ShoulderY + 11.5f);
            return new Limb(root, bentElbow, hand, f.UpperArmRadius, f.ElbowRadius, f.WristRadius);
        }

        var toward = item == HandItem.None ? MathF.Max(0f, towardsCamera) : 0.2f * MathF.Max(0f, towardsCamera);
        var elbow = new SKPoint(sign * (f.ArmJointX + outward - (0.4f * toward)), root.Y + f.UpperArmLength - (1.2f * toward));
        var wrist = new SKPoint(sign * (f.ArmJointX + (outward * 0.55f) - (1.3f * toward)), elbow.Y + f.ForearmLength - (3.5f * toward));
        return new Limb(root, elbow, wrist, f.UpperArmRadius, f.ElbowRadius, f.WristRadius);
    }
}
