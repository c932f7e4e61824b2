using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>Silhouettes of the upper garment's body part, from the front/back and from the side.</summary>
internal static class TorsoOutline
{
    /// <summary>Shoulders, armpits, waist and hem, with a scooped neckline in front and a high one at the back.</summary>
    public static SKPath FrontBack(DrawingContext ctx, GarmentCut cut)
    {
        var f = ctx.Frame;
        var e = cut.Looseness;
        var shoulder = f.ShoulderHalf + e;
        var waist = f.WaistHalf + e;
        var hem = MathF.Max(f.HipHalf + e + cut.HemFlare, waist);
        var neck = f.NeckHalfWidth + 0.8f;
        var neckDip = ctx.Pose.View == Viewpoint.Front ? 2.2f : 0.6f;
        var top = f.ShoulderY - 0.6f;
        var path = ctx.Path();
        path.MoveTo(-neck, top);
        path.QuadTo(-shoulder + 1.2f, top + 0.2f, -shoulder, f.ShoulderY + 2.2f);
        path.QuadTo(-shoulder - 0.2f, f.ShoulderY + 6f, -shoulder + 1.0f, f.ShoulderY + 9f);
        path.QuadTo(-waist - 0.2f, f.WaistY - 5f, -waist, f.WaistY);
        path.LineTo(-hem, cut.HemY);
        path.QuadTo(0, cut.HemY + 0.8f, hem, cut.HemY);
        path.LineTo(waist, f.WaistY);
        path.QuadTo(waist + 0.2f, f.WaistY - 5f, shoulder - 1.0f, f.ShoulderY + 9f);
        path.QuadTo(shoulder + 0.2f, f.ShoulderY + 6f, shoulder, f.ShoulderY + 2.2f);
        path.QuadTo(shoulder - 1.2f, top + 0.2f, neck, top);
        path.QuadTo(0, top + neckDip, -neck, top);
        path.Close();
        return path;
    }

    /// <summary>Profile facing +x: chest and belly in front, shoulder blades and seat behind.</summary>
    public static SKPath Side(DrawingContext ctx, GarmentCut cut)
    {
        var f = ctx.Frame;
        var d = f.Depth + cut.Looseness;
        var belly = f.IsHeavy ? 1.12f : 0.86f;
        var flare = cut.HemFlare * 0.8f;
        var path = ctx.Path();
        path.MoveTo(1.4f, f.ShoulderY - 1.4f);
        path.QuadTo(d * 0.9f, f.ShoulderY, d * 0.98f, f.ShoulderY + 6f);
        path.QuadTo(d * belly * 1.05f, f.WaistY - 3f, d * belly, f.WaistY);
        path.LineTo((d * 0.9f) + flare, cut.HemY);
        path.QuadTo(0, cut.HemY + 0.6f, (-d * 0.95f) - flare, cut.HemY);
        path.LineTo(-d * 0.98f, f.HipY - 1.5f);
        path.QuadTo(-d * 0.72f, f.WaistY - 1f, -d * 0.85f, f.WaistY - 6f);
        path.QuadTo(-d * 1.05f, f.ShoulderY + 3f, -d * 0.7f, f.ShoulderY - 0.4f);
        path.QuadTo(-2.5f, f.ShoulderY - 1.6f, -1.6f, f.ShoulderY - 1.8f);
        path.Close();
        return path;
    }
}
