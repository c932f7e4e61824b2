using SkiaSharp;

namespace VfeTps.Stream.DemoCameras;

/// <summary>A walk placed in a camera's timeline: who, where, and from which frame.</summary>
internal sealed record PlannedWalk(SceneIdentity Person, int CameraNumber, WalkPath Path, int StartFrame)
{
    /// <summary>Last frame of the walk (the person is outside the frame again by then).</summary>
    public int EndFrame => StartFrame + Path.FrameCount - 1;

    /// <summary>The whole figure's box in <paramref name="frame"/> (may lie partly or wholly outside the frame).</summary>
    public SKRect BoxAt(int frame) => Path.BoxAt(frame - StartFrame);

    public float PhaseAt(int frame) => Path.PhaseAt(frame - StartFrame);

    /// <summary>The ground truth of this walk: the visible part of the box in every frame it is visible.</summary>
    public SceneAppearance ToAppearance(string cameraId, StreetGeometry street, int framesPerSecond)
    {
        var boxes = new List<AppearanceBox>(Path.FrameCount);
        for (var frame = StartFrame; frame <= EndFrame; frame++)
        {
            var box = Visible(BoxAt(frame), street);
            if (box is { } visible)
            {
                boxes.Add(visible with { Frame = frame });
            }
        }

        if (boxes.Count == 0)
        {
            throw new InvalidOperationException($"Person {Person.PersonId} is never visible on camera {cameraId}.");
        }

        var enter = boxes[0].Frame;
        var exit = boxes[^1].Frame;
        return new SceneAppearance(
            Person.PersonId, cameraId, Path.Direction, Path.View, enter, exit,
            Math.Round(enter / (double)framesPerSecond, 3), Math.Round(exit / (double)framesPerSecond, 3), boxes);
    }

    /// <summary>The pixel box of the part of <paramref name="figure"/> inside the frame, or null when none is.</summary>
    public static AppearanceBox? Visible(SKRect figure, StreetGeometry street)
    {
        var left = Math.Clamp((int)MathF.Round(figure.Left), 0, street.Width);
        var right = Math.Clamp((int)MathF.Round(figure.Right), 0, street.Width);
        var top = Math.Clamp((int)MathF.Round(figure.Top), 0, street.Height);
        var bottom = Math.Clamp((int)MathF.Round(figure.Bottom), 0, street.Height);
        if (right - left < 1 || bottom - top < 1)
        {
            return null;
        }

        var share = (right - left) * (double)(bottom - top) / (figure.Width * figure.Height);
        return new AppearanceBox(0, left, top, right - left, bottom - top, Math.Round(Math.Min(1.0, share), 3));
    }
}
