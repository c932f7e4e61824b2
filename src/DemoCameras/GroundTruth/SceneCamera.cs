using System.Text.Json.Serialization;
using VfeTps.Stream.SynthPedes;

namespace VfeTps.Stream.DemoCameras;

/// <summary>One camera's video of the scene.</summary>
/// <param name="Id">Camera id (a slug, e.g. <c>synth-1</c>).</param>
/// <param name="Number">1-based camera number.</param>
/// <param name="File">The MJPG AVI, relative to the scene folder.</param>
/// <param name="ContactFrame">A PNG of a frame from the middle of the video, relative to the scene folder (for people).</param>
/// <param name="FramesPerSecond">Frame rate of the video.</param>
/// <param name="Width">Frame width in pixels.</param>
/// <param name="Height">Frame height in pixels.</param>
/// <param name="FrameCount">Frames in the video.</param>
/// <param name="FileBytes">Size of the video file, to recognise a complete scene.</param>
/// <param name="Facade">The street's facade style.</param>
public sealed record SceneCamera(
    string Id,
    int Number,
    string File,
    string ContactFrame,
    int FramesPerSecond,
    int Width,
    int Height,
    int FrameCount,
    long FileBytes,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<FacadeStyle>))] FacadeStyle Facade)
{
    [JsonIgnore]
    public double DurationSeconds => FrameCount / (double)FramesPerSecond;
}
