using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>A hoodie's hood when it is down: a collar ring and drawstrings in front, a hood lying on the upper back behind.</summary>
internal static class HoodDownPainter
{
    private static bool Applies(DrawingContext ctx) =>
        ctx.Attributes.UpperGarment == UpperGarment.Hoodie && ctx.Attributes.Headwear != Headwear.Hood;

    /// <summary>The ring of the hood around the neck, drawn before the neck (front view).</summary>
    public static void Collar(DrawingContext ctx)
    {
        if (!Applies(ctx) || ctx.Pose.View != Viewpoint.Front)
        {
            return;
        }

        var f = ctx.Frame;
        var path = ctx.Path();
        path.AddOval(new SKRect(-f.NeckHalfWidth - 3.2f, f.ShoulderY - 3.2f, f.NeckHalfWidth + 3.2f, f.ShoulderY + 1.8f));
        ctx.Fill(path, ctx.Materials.Upper.Dimmed(0.85f));
    }

    public static void Drawstrings(DrawingContext ctx)
    {
        if (!Applies(ctx) || ctx.Pose.View != Viewpoint.Front)
        {
            return;
        }

        var y = ctx.Frame.ShoulderY;
        var cord = ctx.Stroke(ColorMath.Contrast(ctx.Materials.Upper.Color, 0.5f), 0.35f);
        ctx.Canvas.DrawLine(-1.1f, y + 0.8f, -1.3f, y + 6.5f, cord);
        ctx.Canvas.DrawLine(1.1f, y + 0.8f, 1.4f, y + 6.2f, cord);
    }

    /// <summary>The hood lying on the back (back view) or behind the neck (side views), drawn after the torso.</summary>
    public static void Lying(DrawingContext ctx)
    {
        if (!Applies(ctx) || ctx.Pose.View == Viewpoint.Front)
        {
            return;
        }

        var f = ctx.Frame;
        var path = ctx.Path();
        if (ctx.Pose.View == Viewpoint.Back)
        {
            path.MoveTo(-4.6f, f.ShoulderY - 1.6f);
            path.QuadTo(0, f.ShoulderY - 3f, 4.6f, f.ShoulderY - 1.6f);
            path.QuadTo(4.2f, f.ShoulderY + 5f, 0, f.ShoulderY + 8f);
            path.QuadTo(-4.2f, f.ShoulderY + 5f, -4.6f, f.ShoulderY - 1.6f);
            path.Close();
        }
        else
        {
            path.AddOval(new SKRect(-f.Depth - 0.8f, f.ShoulderY - 2.5f, -f.Depth + 4.2f, f.ShoulderY + 5f));
        }

        ctx.Fill(path, ctx.Materials.Upper.Dimmed(0.9f));
    }
}
