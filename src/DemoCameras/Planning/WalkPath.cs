using SkiaSharp;
using VfeTps.Stream.SynthPedes;

namespace VfeTps.Stream.DemoCameras;

/// <summary>
/// One walk across the frame, from fully outside one edge to fully outside the other, relative to its start:
/// the figure's box and gait phase at every frame. Across walkers keep their depth (side view); diagonal walkers
/// come nearer (front view) or go away (back view) while they cross.
/// </summary>
internal sealed class WalkPath
{
    /// <summary>Walking speed in figure heights per second (1.3 m/s for a 1.7 m person).</summary>
    private const float Speed = 0.76f;

    /// <summary>Distance covered by one gait cycle (two steps), in figure heights.</summary>
    private const float CycleLength = 0.88f;

    private readonly SKRect[] _boxes;
    private readonly float[] _phases;

    private WalkPath(WalkDirection direction, Viewpoint view, SKRect[] boxes, float[] phases)
    {
        Direction = direction;
        View = view;
        _boxes = boxes;
        _phases = phases;
    }

    public WalkDirection Direction { get; }

    public Viewpoint View { get; }

    /// <summary>Frames from the start to the end of the walk (the first and last are outside the frame).</summary>
    public int FrameCount => _boxes.Length;

    /// <summary>The whole figure's box (also outside the frame) at <paramref name="offset"/> frames after the start.</summary>
    public SKRect BoxAt(int offset) => _boxes[offset];

    /// <summary>Gait phase in [0, 1) at <paramref name="offset"/> frames after the start.</summary>
    public float PhaseAt(int offset) => _phases[offset];

    /// <summary>Plans a walk of <paramref name="person"/> with choices drawn from <paramref name="random"/>.</summary>
    public static WalkPath Sample(StreetGeometry street, PedestrianAttributes person, int framesPerSecond, Random random)
    {
        var direction = random.NextDouble() < 0.5 ? WalkDirection.LeftToRight : WalkDirection.RightToLeft;
        var diagonal = random.NextDouble() < 0.3;
        var approaching = random.NextDouble() < 0.5;
        var view = diagonal
            ? (approaching ? Viewpoint.Front : Viewpoint.Back)
            : (direction == WalkDirection.LeftToRight ? Viewpoint.RightSide : Viewpoint.LeftSide);
        var (startDepth, endDepth) = diagonal
            ? (approaching ? (Range(random, 0f, 0.25f), Range(random, 0.75f, 1f)) : (Range(random, 0.75f, 1f), Range(random, 0f, 0.25f)))
            : (Range(random, 0f, 1f), 0f);
        if (!diagonal)
        {
            endDepth = startDepth;
        }

        var stature = person.Height switch { Stature.Short => 0.93f, Stature.Tall => 1f, _ => 0.965f };
        var pace = Range(random, 0.85f, 1.15f);
        var meanHeight = street.FigureHeight((startDepth + endDepth) / 2f);
        // Diagonal walkers spend part of their speed on depth, so they cross the frame more slowly.
        var crossSpeed = Speed * pace * meanHeight * (diagonal ? 0.6f : 1f);
        var startHalfWidth = street.FigureHeight(startDepth) * stature * PedestrianRenderer.AspectRatio / 2f;
        var endHalfWidth = street.FigureHeight(endDepth) * stature * PedestrianRenderer.AspectRatio / 2f;
        var (fromX, toX) = direction == WalkDirection.LeftToRight
            ? (-startHalfWidth - 1f, street.Width + endHalfWidth + 1f)
            : (street.Width + startHalfWidth + 1f, -endHalfWidth - 1f);
        var seconds = Math.Abs(toX - fromX) / crossSpeed;
        var frames = (int)MathF.Ceiling(seconds * framesPerSecond) + 1;
        var boxes = new SKRect[frames];
        var phases = new float[frames];
        var phase = (float)random.NextDouble();
        var cycles = Speed * pace / CycleLength;
        for (var i = 0; i < frames; i++)
        {
            var progress = Math.Min(1f, i / (seconds * framesPerSecond));
            var depth = startDepth + ((endDepth - startDepth) * progress);
            var height = street.FigureHeight(depth) * stature;
            var centerX = fromX + ((toX - fromX) * progress);
            var sole = street.SoleY(depth);
            var halfWidth = height * PedestrianRenderer.AspectRatio / 2f;
            boxes[i] = new SKRect(centerX - halfWidth, sole - height, centerX + halfWidth, sole);
            phases[i] = (phase + (cycles * i / framesPerSecond)) % 1f;
        }

        return new WalkPath(direction, view, boxes, phases);
    }

    private static float Range(Random random, float min, float max) => min + ((max - min) * (float)random.NextDouble());
}
