namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// Draws a pedestrian in profile facing +x: far limbs first and in shade, then the body, then the near limbs.
/// Whether the near side is the person's right decides where the handbag and the shoulder bag end up.
/// </summary>
internal static class SideFigure
{
    private const float FarLight = 0.72f;

    public static void Draw(DrawingContext ctx, bool nearIsRight)
    {
        var (s, drop) = SideSkeleton.Create(ctx, nearIsRight);
        var (rightItem, leftItem) = HandItems.For(ctx.Attributes);
        var (nearArm, farArm) = nearIsRight ? (s.RightArm, s.LeftArm) : (s.LeftArm, s.RightArm);
        var (nearLeg, farLeg) = nearIsRight ? (s.RightLeg, s.LeftLeg) : (s.LeftLeg, s.RightLeg);
        var (nearItem, farItem) = nearIsRight ? (rightItem, leftItem) : (leftItem, rightItem);
        ctx.Canvas.Translate(0, drop);

        HeldItemPainter.Hanging(ctx, farArm, farItem, FarLight);
        ArmPainter.Draw(ctx, farArm, FarLight);
        HeldItemPainter.InHand(ctx, farArm, farItem);
        LowerBodyPainter.Leg(ctx, farLeg, FarLight);
        ShoePainter.Side(ctx, farLeg, FarLight);
        if (!nearIsRight)
        {
            ShoulderBagPainter.SideFarBag(ctx);
        }

        HeadwearPainter.HoodBehind(ctx);
        HairPainter.Behind(ctx);
        LowerBodyPainter.Hips(ctx, side: true);
        LowerBodyPainter.Leg(ctx, nearLeg, 1f);
        ShoePainter.Side(ctx, nearLeg, 1f);
        LowerBodyPainter.Skirt(ctx, side: true);
        HeadPainter.Neck(ctx);
        TorsoPainter.Side(ctx);
        HoodDownPainter.Lying(ctx);
        BackpackPainter.Side(ctx);
        if (nearIsRight)
        {
            ShoulderBagPainter.SideNear(ctx);
        }
        else
        {
            ShoulderBagPainter.SideFarStrap(ctx);
        }

        HeldItemPainter.Hanging(ctx, nearArm, nearItem, 1f);
        ArmPainter.Draw(ctx, nearArm, 1f);
        HeldItemPainter.InHand(ctx, nearArm, nearItem);
        AccessoryPainter.Scarf(ctx);
        HeadPainter.Head(ctx);
        HairPainter.Over(ctx);
        AccessoryPainter.Glasses(ctx);
        HeadwearPainter.Draw(ctx);
    }
}
