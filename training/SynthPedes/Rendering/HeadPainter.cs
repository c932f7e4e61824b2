using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>Neck and head: ears and skull from every side, and a face (eyes, brows, nose, mouth) where the view shows one.</summary>
internal static class HeadPainter
{
    /// <summary>Centre and radii of the skull; side views are a little deeper and sit slightly forward.</summary>
    public static (SKPoint Center, float Rx, float Ry) Skull(DrawingContext ctx)
    {
        var f = ctx.Frame;
        var side = ctx.Pose.View is Viewpoint.LeftSide or Viewpoint.RightSide;
        return side
            ? (new SKPoint(0.6f, f.HeadHeight / 2f), f.HeadHalfWidth * 1.12f, f.HeadHeight / 2f)
            : (new SKPoint(0, f.HeadHeight / 2f), f.HeadHalfWidth, f.HeadHeight / 2f);
    }

    public static void Neck(DrawingContext ctx)
    {
        var f = ctx.Frame;
        var side = ctx.Pose.View is Viewpoint.LeftSide or Viewpoint.RightSide;
        var x = side ? 0.2f : 0f;
        var rect = new SKRect(x - f.NeckHalfWidth, f.HeadHeight - 2.5f, x + f.NeckHalfWidth, f.ShoulderY + 0.8f);
        var path = ctx.Path();
        path.AddRect(rect);
        ctx.Fill(path, ctx.Materials.Skin.Dimmed(0.85f), outline: false);
    }

    public static void Head(DrawingContext ctx)
    {
        var (c, rx, ry) = Skull(ctx);
        var skin = ctx.Materials.Skin;
        var view = ctx.Pose.View;
        var side = view is Viewpoint.LeftSide or Viewpoint.RightSide;
        var ear = ctx.Path();
        if (side)
        {
            ear.AddOval(new SKRect(c.X - 1.6f, c.Y - 1.0f, c.X + 0.2f, c.Y + 2.4f));
        }
        else
        {
            ear.AddOval(new SKRect(c.X - rx - 0.9f, c.Y - 0.9f, c.X - rx + 0.8f, c.Y + 2.3f));
            ear.AddOval(new SKRect(c.X + rx - 0.8f, c.Y - 0.9f, c.X + rx + 0.9f, c.Y + 2.3f));
        }

        var skull = ctx.Path();
        skull.AddOval(new SKRect(c.X - rx, c.Y - ry, c.X + rx, c.Y + ry));
        if (side)
        {
            // The nose breaks the profile at the front.
            var eyeY = ctx.Frame.EyeY;
            skull.AddPoly([new(c.X + rx - 0.8f, eyeY - 0.2f), new(c.X + rx + 1.1f, eyeY + 2.3f), new(c.X + rx - 0.6f, eyeY + 2.9f)]);
        }

        ctx.Fill(skull, skin, overlapping: side);
        ctx.Fill(ear, skin.Dimmed(0.92f), outline: false);
        if (view == Viewpoint.Front)
        {
            Face(ctx, c, rx, ry);
        }
        else if (side)
        {
            Profile(ctx, c, rx, ry);
        }
    }

    private static void Face(DrawingContext ctx, SKPoint c, float rx, float ry)
    {
        var f = ctx.Frame;
        var skin = ctx.Materials.Skin.Color;
        var eyeY = f.EyeY;
        var dx = rx * 0.38f;
        var brow = ctx.Stroke(ctx.Attributes.HairColor is { } hair ? Palette.Of(hair) : ColorMath.Scale(skin, 0.5f), 0.45f);
        var white = ctx.Solid(new SKColor(236, 232, 226));
        var pupil = ctx.Solid(new SKColor(36, 28, 24));
        foreach (var sign in (ReadOnlySpan<float>)[-1f, 1f])
        {
            ctx.Canvas.DrawOval(new SKPoint(sign * dx, eyeY), new SKSize(0.85f, 0.5f), white);
            ctx.Canvas.DrawCircle(sign * dx, eyeY, 0.42f, pupil);
            ctx.Canvas.DrawLine(sign * (dx - 0.8f), eyeY - 1.2f, sign * (dx + 0.9f), eyeY - 1.35f, brow);
        }

        ctx.Canvas.DrawLine(0.1f, eyeY + 0.6f, -0.3f, eyeY + 2.6f, ctx.Stroke(ColorMath.Scale(skin, 0.72f), 0.4f));
        var mouth = ctx.Stroke(ColorMath.Mix(ColorMath.Scale(skin, 0.7f), new SKColor(150, 52, 52), 0.45f), 0.45f);
        ctx.Canvas.DrawLine(-1.1f, c.Y + (ry * 0.58f), 1.1f, c.Y + (ry * 0.58f), mouth);
    }

    private static void Profile(DrawingContext ctx, SKPoint c, float rx, float ry)
    {
        var eyeY = ctx.Frame.EyeY;
        var skin = ctx.Materials.Skin.Color;
        ctx.Canvas.DrawOval(new SKPoint(c.X + (rx * 0.62f), eyeY), new SKSize(0.45f, 0.45f), ctx.Solid(new SKColor(36, 28, 24)));
        var brow = ctx.Stroke(ctx.Attributes.HairColor is { } hair ? Palette.Of(hair) : ColorMath.Scale(skin, 0.5f), 0.45f);
        ctx.Canvas.DrawLine(c.X + (rx * 0.4f), eyeY - 1.3f, c.X + (rx * 0.85f), eyeY - 1.2f, brow);
        var mouth = ctx.Stroke(ColorMath.Mix(ColorMath.Scale(skin, 0.7f), new SKColor(150, 52, 52), 0.45f), 0.4f);
        ctx.Canvas.DrawLine(c.X + (rx * 0.7f), c.Y + (ry * 0.58f), c.X + rx - 0.2f, c.Y + (ry * 0.56f), mouth);
    }
}
