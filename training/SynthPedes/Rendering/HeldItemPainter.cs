using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>What hands hold: a handbag hanging by its handles, a closed black umbrella, a phone.</summary>
internal static class HeldItemPainter
{
    /// <summary>Items that hang below the hand (drawn before the arm so the hand closes over the handle).</summary>
    public static void Hanging(DrawingContext ctx, Limb arm, HandItem item, float light)
    {
        var hand = ArmPainter.HandCenter(arm);
        if (item == HandItem.Handbag)
        {
            var bag = ctx.Materials.Bag.Dimmed(light);
            var body = new SKRect(hand.X - 3.4f, hand.Y + 2.8f, hand.X + 3.4f, hand.Y + 8.6f);
            var handle = ctx.Path();
            handle.MoveTo(body.Left + 1.2f, body.Top);
            handle.QuadTo(hand.X, hand.Y - 2.6f, body.Right - 1.2f, body.Top);
            ctx.Canvas.DrawPath(handle, ctx.Stroke(ColorMath.Scale(bag.Color, 0.6f * light), 0.6f));
            var path = ctx.Path();
            path.MoveTo(body.Left + 0.6f, body.Top);
            path.LineTo(body.Right - 0.6f, body.Top);
            path.LineTo(body.Right, body.Bottom);
            path.LineTo(body.Left, body.Bottom);
            path.Close();
            ctx.Fill(path, bag);
        }
        else if (item == HandItem.Umbrella)
        {
            var black = new Material(new SKColor(34, 34, 38), Light: light);
            ctx.Canvas.DrawLine(hand.X, hand.Y - 1.5f, hand.X + 0.6f, hand.Y + 27f, ctx.Stroke(new SKColor(60, 60, 62), 0.45f));
            var canopy = ctx.Path();
            canopy.MoveTo(hand.X, hand.Y + 2.5f);
            canopy.QuadTo(hand.X + 2.6f, hand.Y + 10f, hand.X + 0.5f, hand.Y + 24f);
            canopy.QuadTo(hand.X - 1.6f, hand.Y + 10f, hand.X, hand.Y + 2.5f);
            ctx.Fill(canopy, black);
            var hook = ctx.Path();
            hook.MoveTo(hand.X, hand.Y + 1f);
            hook.LineTo(hand.X, hand.Y - 1.8f);
            hook.QuadTo(hand.X - 1.8f, hand.Y - 3.2f, hand.X - 1.8f, hand.Y - 1.2f);
            ctx.Canvas.DrawPath(hook, ctx.Stroke(new SKColor(90, 60, 40), 0.6f));
        }
    }

    /// <summary>A phone held up in the hand (drawn after the arm).</summary>
    public static void InHand(DrawingContext ctx, Limb arm, HandItem item)
    {
        if (item != HandItem.Phone)
        {
            return;
        }

        var hand = ArmPainter.HandCenter(arm);
        var rect = new SKRect(hand.X - 1.0f, hand.Y - 2.8f, hand.X + 1.0f, hand.Y + 0.8f);
        ctx.Canvas.DrawRoundRect(rect, 0.4f, 0.4f, ctx.Solid(new SKColor(22, 22, 26)));
        ctx.Canvas.DrawRoundRect(SKRect.Inflate(rect, -0.3f, -0.35f), 0.2f, 0.2f, ctx.Solid(new SKColor(120, 160, 200)));
    }
}
