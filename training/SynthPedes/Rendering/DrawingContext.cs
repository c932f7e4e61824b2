using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// One pedestrian being drawn: the canvas (already in figure units), the look, the pose, and factories for
/// shaded paints. Owns every Skia object it hands out and frees them when the figure is done.
/// </summary>
internal sealed class DrawingContext : IDisposable
{
    private static readonly float[] Stops = [0f, 0.45f, 1f];

    private readonly List<IDisposable> _owned = [];

    public DrawingContext(SKCanvas canvas, PedestrianAttributes attributes, PedestrianPose pose)
    {
        Canvas = canvas;
        Attributes = attributes;
        Pose = pose;
        Frame = new BodyFrame(attributes);
        Materials = new FigureMaterials(attributes);
    }

    public SKCanvas Canvas { get; }

    public PedestrianAttributes Attributes { get; }

    public PedestrianPose Pose { get; }

    public BodyFrame Frame { get; }

    public FigureMaterials Materials { get; }

    public SKPath Path() => Track(new SKPath());

    public SKPaint Solid(SKColor color) => Track(new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill });

    public SKPaint Stroke(SKColor color, float width) => Track(new SKPaint
    {
        Color = color,
        IsAntialias = true,
        Style = SKPaintStyle.Stroke,
        StrokeWidth = width,
        StrokeCap = SKStrokeCap.Round,
        StrokeJoin = SKStrokeJoin.Round,
    });

    /// <summary>A fill lit from <paramref name="lit"/> and falling into shade towards <paramref name="shaded"/>.</summary>
    public SKPaint Shaded(Material material, SKPoint lit, SKPoint shaded)
    {
        var light = Math.Clamp(material.Light, 0f, 1.2f);
        ReadOnlySpan<float> levels = [1f, 0.886f, 0.588f];
        SKShader shader;
        if (material.Pattern == GarmentPattern.Plain)
        {
            // Plain surfaces: the lit colours directly, one shader instead of three.
            var c = material.Color;
            shader = SKShader.CreateLinearGradient(
                lit, shaded, [ColorMath.Scale(c, levels[0] * light), ColorMath.Scale(c, levels[1] * light), ColorMath.Scale(c, levels[2] * light)], Stops, SKShaderTileMode.Clamp);
        }
        else
        {
            SKColor Grey(float v) => new(ColorMath.Clamp(255f * v * light), ColorMath.Clamp(255f * v * light), ColorMath.Clamp(255f * v * light));
            using var lighting = SKShader.CreateLinearGradient(lit, shaded, [Grey(levels[0]), Grey(levels[1]), Grey(levels[2])], Stops, SKShaderTileMode.Clamp);
            using var surface = PatternShaders.Create(material);
            shader = SKShader.CreateCompose(surface, lighting, SKBlendMode.Multiply);
        }

        return Track(new SKPaint { Shader = Track(shader), IsAntialias = true, Style = SKPaintStyle.Fill });
    }

    /// <summary>
    /// Fills a path lit from its left edge, with a thin darker outline for definition; paths made of
    /// <paramref name="overlapping"/> contours are outlined around their union.
    /// </summary>
    public void Fill(SKPath path, Material material, bool outline = true, bool overlapping = false)
    {
        var b = path.Bounds;
        Canvas.DrawPath(path, Shaded(material, new SKPoint(b.Left, b.Top), new SKPoint(b.Right, b.MidY)));
        if (outline)
        {
            // Overlapping contours (skull + nose + chin) get one outline around their union.
            var contour = overlapping ? Track(path.Simplify() ?? new SKPath(path)) : path;
            Canvas.DrawPath(contour, Stroke(ColorMath.Scale(material.Color, 0.45f * material.Light).WithAlpha(150), 0.3f));
        }
    }

    /// <summary>Draws a tapered limb as one shaded shape, lit across its length, so joints show no seams.</summary>
    public void Fill(Limb limb, Material material)
    {
        var path = Path();
        limb.AddTo(path);
        var (lit, shaded) = limb.LightingAxis();
        Canvas.DrawPath(path, Shaded(material, lit, shaded));
    }

    public T Track<T>(T item)
        where T : IDisposable
    {
        _owned.Add(item);
        return item;
    }

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
    }
}
