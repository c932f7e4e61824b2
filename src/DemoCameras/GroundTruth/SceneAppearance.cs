using System.Text.Json.Serialization;
using VfeTps.Stream.SynthPedes;

namespace VfeTps.Stream.DemoCameras;

/// <summary>One walk of one person through one camera's view, with their box in every frame they are visible.</summary>
/// <param name="PersonId">The SynthPedes person id.</param>
/// <param name="CameraId">The camera.</param>
/// <param name="Direction">Which way they cross the frame.</param>
/// <param name="Viewpoint">Which side of them the camera sees (side views for walkers across, front or back for diagonal walkers).</param>
/// <param name="EnterFrame">First frame in which part of them is visible.</param>
/// <param name="ExitFrame">Last frame in which part of them is visible (inclusive).</param>
/// <param name="EnterSeconds">Offset of <paramref name="EnterFrame"/> from the start of the video.</param>
/// <param name="ExitSeconds">Offset of <paramref name="ExitFrame"/> from the start of the video.</param>
/// <param name="Boxes">One box per frame from <paramref name="EnterFrame"/> to <paramref name="ExitFrame"/>.</param>
public sealed record SceneAppearance(
    int PersonId,
    string CameraId,
    WalkDirection Direction,
    Viewpoint Viewpoint,
    int EnterFrame,
    int ExitFrame,
    double EnterSeconds,
    double ExitSeconds,
    IReadOnlyList<AppearanceBox> Boxes)
{
    /// <summary>The box in <paramref name="frame"/>, or null when the person is not visible then.</summary>
    public AppearanceBox? BoxAt(int frame) => frame >= EnterFrame && frame <= ExitFrame ? Boxes[frame - EnterFrame] : null;

    /// <summary>The frame in the middle of the walk.</summary>
    [JsonIgnore]
    public int MiddleFrame => (EnterFrame + ExitFrame) / 2;
}
