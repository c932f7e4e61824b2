namespace VfeTps.Stream.SynthPedes;

/// <summary>Draws a pedestrian seen from the front or the back, back to front (painter's order).</summary>
internal static class FrontBackFigure
{
    public static void Draw(DrawingContext ctx)
    {
        var s = FrontBackSkeleton.Create(ctx);
        var front = ctx.Pose.View == Viewpoint.Front;
        var (rightItem, leftItem) = HandItems.For(ctx.Attributes);

        HeadwearPainter.HoodBehind(ctx);
        HairPainter.Behind(ctx);
        HoodDownPainter.Collar(ctx);
        LowerBodyPainter.Hips(ctx, side: false);
        foreach (var leg in (ReadOnlySpan<Limb>)[s.RightLeg, s.LeftLeg])
        {
            LowerBodyPainter.Leg(ctx, leg, 1f);
            ShoePainter.FrontBack(ctx, leg, 1f);
        }

        LowerBodyPainter.Skirt(ctx, side: false);
        HeadPainter.Neck(ctx);
        TorsoPainter.FrontBack(ctx);
        HoodDownPainter.Drawstrings(ctx);
        HoodDownPainter.Lying(ctx);
        if (front)
        {
            BackpackPainter.FrontStraps(ctx);
        }
        else
        {
            BackpackPainter.Back(ctx);
        }

        ShoulderBagPainter.FrontBack(ctx);
        HeldItemPainter.Hanging(ctx, s.RightArm, rightItem, 1f);
        HeldItemPainter.Hanging(ctx, s.LeftArm, leftItem, 1f);
        ArmPainter.Draw(ctx, s.RightArm, 1f);
        // From behind, a forearm raised to hold a phone is hidden by the body; the upper arm still shows.
        ArmPainter.Draw(ctx, s.LeftArm, 1f, upperOnly: !front && leftItem == HandItem.Phone);

        if (front)
        {
            HeldItemPainter.InHand(ctx, s.LeftArm, leftItem);
        }

        AccessoryPainter.Scarf(ctx);
        HeadPainter.Head(ctx);
        HairPainter.Over(ctx);
        AccessoryPainter.Glasses(ctx);
        HeadwearPainter.Draw(ctx);
    }
}
