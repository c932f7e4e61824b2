using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>Shoes at the end of a leg: a rounded toe seen head-on, or a profile with heel and toe from the side.</summary>
internal static class ShoePainter
{
    public static void FrontBack(DrawingContext ctx, Limb leg, float light)
    {
        var w = 2.25f * ctx.Frame.Width;
        var ankle = leg.End;
        var rect = new SKRect(ankle.X - w, ankle.Y - 0.4f, ankle.X + w, ankle.Y + 4.3f);
        var path = ctx.Path();
        path.AddRoundRect(rect, w * 0.8f, 1.8f);
        ctx.Fill(path, ctx.Materials.Shoes.Dimmed(light));
        Sole(ctx, new SKRect(rect.Left + 0.1f, rect.Bottom - 0.8f, rect.Right - 0.1f, rect.Bottom), light);
    }

    /// <summary>Profile facing +x; a trailing foot tips its toe down as it pushes off.</summary>
    public static void Side(DrawingContext ctx, Limb leg, float light)
    {
        var ankle = leg.End;
        var shinAngle = MathF.Atan2(leg.End.X - leg.Joint.X, leg.End.Y - leg.Joint.Y);
        var tilt = MathF.Min(0f, shinAngle) * 0.7f;
        ctx.Canvas.Save();
        ctx.Canvas.RotateRadians(-tilt, ankle.X, ankle.Y);
        var path = ctx.Path();
        path.MoveTo(ankle.X - 2.0f, ankle.Y - 0.8f);
        path.LineTo(ankle.X + 1.2f, ankle.Y - 0.6f);
        path.QuadTo(ankle.X + 5.6f, ankle.Y + 1.0f, ankle.X + 5.4f, ankle.Y + 3.4f);
        path.LineTo(ankle.X + 5.2f, ankle.Y + 4.3f);
        path.LineTo(ankle.X - 2.0f, ankle.Y + 4.3f);
        path.Close();
        ctx.Fill(path, ctx.Materials.Shoes.Dimmed(light));
        Sole(ctx, new SKRect(ankle.X - 2.0f, ankle.Y + 3.5f, ankle.X + 5.3f, ankle.Y + 4.3f), light);
        ctx.Canvas.Restore();
    }

    private static void Sole(DrawingContext ctx, SKRect rect, float light)
    {
        var color = ColorMath.Scale(ColorMath.Contrast(ctx.Materials.Shoes.Color, 0.4f), light);
        ctx.Canvas.DrawRoundRect(rect, 0.4f, 0.4f, ctx.Solid(color));
    }
}
