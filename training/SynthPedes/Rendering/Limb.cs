using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>An arm or a leg: root → joint → end, each with a radius, so a limb tapers like a real one.</summary>
internal readonly record struct Limb(SKPoint Root, SKPoint Joint, SKPoint End, float RootRadius, float JointRadius, float EndRadius)
{
    /// <summary>The part from the root to <paramref name="t"/> (0 = root, 0.5 = joint, 1 = end): sleeves and shorts.</summary>
    public Limb Until(float t)
    {
        if (t >= 0.5f)
        {
            var u = (t - 0.5f) * 2f;
            return this with { End = Lerp(Joint, End, u), EndRadius = Lerp(JointRadius, EndRadius, u) };
        }

        var v = t * 2f;
        var joint = Lerp(Root, Joint, v);
        var radius = Lerp(RootRadius, JointRadius, v);
        return this with { Joint = Lerp(Root, joint, 0.5f), JointRadius = Lerp(RootRadius, radius, 0.5f), End = joint, EndRadius = radius };
    }

    /// <summary>The same limb, every radius widened by <paramref name="amount"/> (loose fabric over skin).</summary>
    public Limb Widen(float amount) => this with
    {
        RootRadius = RootRadius + amount,
        JointRadius = JointRadius + amount,
        EndRadius = EndRadius + amount,
    };

    /// <summary>
    /// Adds the limb's outline to <paramref name="path"/>: a hull through both segments plus round ends and joint,
    /// all wound the same way so that their overlaps fill instead of cancelling.
    /// </summary>
    public void AddTo(SKPath path)
    {
        var n1 = Normal(Root, Joint);
        var n2 = Normal(Joint, End);
        var nj = new SKPoint(n1.X + n2.X, n1.Y + n2.Y);
        var length = MathF.Sqrt((nj.X * nj.X) + (nj.Y * nj.Y));
        nj = length < 1e-3f ? n1 : new SKPoint(nj.X / length, nj.Y / length);
        Span<SKPoint> hull =
        [
            Offset(Root, n1, RootRadius), Offset(Joint, nj, JointRadius), Offset(End, n2, EndRadius),
            Offset(End, n2, -EndRadius), Offset(Joint, nj, -JointRadius), Offset(Root, n1, -RootRadius),
        ];
        var area = 0f;
        for (var i = 0; i < hull.Length; i++)
        {
            var next = hull[(i + 1) % hull.Length];
            area += (hull[i].X * next.Y) - (next.X * hull[i].Y);
        }

        if (area < 0f)
        {
            // Skia's clockwise is positive area with y pointing down.
            hull.Reverse();
        }

        path.AddPoly(hull, close: true);
        path.AddCircle(Root.X, Root.Y, RootRadius, SKPathDirection.Clockwise);
        path.AddCircle(Joint.X, Joint.Y, JointRadius, SKPathDirection.Clockwise);
        path.AddCircle(End.X, End.Y, EndRadius, SKPathDirection.Clockwise);
    }

    /// <summary>Lit and shaded points across the limb (light from the left), for a cylinder-like gradient.</summary>
    public (SKPoint Lit, SKPoint Shaded) LightingAxis()
    {
        var n = Normal(Root, End);
        if (n.X > 0f)
        {
            n = new SKPoint(-n.X, -n.Y);
        }

        var r = MathF.Max(RootRadius, MathF.Max(JointRadius, EndRadius));
        var mid = Lerp(Root, End, 0.5f);
        return (Offset(mid, n, r), Offset(mid, n, -r));
    }

    public static SKPoint Lerp(SKPoint a, SKPoint b, float t) => new(a.X + ((b.X - a.X) * t), a.Y + ((b.Y - a.Y) * t));

    public static float Lerp(float a, float b, float t) => a + ((b - a) * t);

    private static SKPoint Normal(SKPoint a, SKPoint b)
    {
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        var length = MathF.Max(MathF.Sqrt((dx * dx) + (dy * dy)), 1e-4f);
        return new SKPoint(-dy / length, dx / length);
    }

    private static SKPoint Offset(SKPoint p, SKPoint n, float r) => new(p.X + (n.X * r), p.Y + (n.Y * r));

    /// <summary>The point <paramref name="length"/> away from <paramref name="from"/> at an angle from straight down (positive towards +x).</summary>
    public static SKPoint Towards(SKPoint from, float angle, float length) =>
        new(from.X + (length * MathF.Sin(angle)), from.Y + (length * MathF.Cos(angle)));
}
