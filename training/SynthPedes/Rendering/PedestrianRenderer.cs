using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// Draws one walking pedestrian onto any canvas, at any position and scale, so a crop generator and a later
/// street-scene generator share it. Vector drawing (paths, ellipses, gradients), anti-aliased, lit from the left.
/// </summary>
public static class PedestrianRenderer
{
    /// <summary>Figure units above the top of the head kept free for hats and hoods.</summary>
    private const float Headroom = 3f;

    /// <summary>Width of the figure relative to its height (arms and bags included), for laying out scenes.</summary>
    public const float AspectRatio = 0.34f;

    /// <summary>
    /// Draws <paramref name="attributes"/> in <paramref name="pose"/>, with the soles on the bottom of
    /// <paramref name="bounds"/> and the top of any headwear at its top. The figure keeps its proportions: its
    /// width follows from the height (about <see cref="AspectRatio"/> of it) and is centred in
    /// <paramref name="bounds"/>. The canvas state is restored afterwards.
    /// </summary>
    public static void Render(SKCanvas canvas, PedestrianAttributes attributes, PedestrianPose pose, SKRect bounds)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(attributes);
        AttributeRules.EnsureConsistent(attributes);
        if (bounds.Height <= 0f)
        {
            return;
        }

        var scale = bounds.Height / (BodyFrame.SoleY + Headroom);
        canvas.Save();
        canvas.Translate(bounds.MidX, bounds.Top + (Headroom * scale));
        canvas.Scale(scale);
        using (var ctx = new DrawingContext(canvas, attributes, pose))
        {
            switch (pose.View)
            {
                case Viewpoint.Front:
                case Viewpoint.Back:
                    FrontBackFigure.Draw(ctx);
                    break;
                case Viewpoint.RightSide:
                    SideFigure.Draw(ctx, nearIsRight: true);
                    break;
                default:
                    canvas.Scale(-1f, 1f);
                    SideFigure.Draw(ctx, nearIsRight: false);
                    break;
            }
        }

        canvas.Restore();
    }
}
