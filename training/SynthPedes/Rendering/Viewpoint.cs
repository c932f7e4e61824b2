using System.Text.Json.Serialization;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// Which side of the pedestrian the camera sees. <see cref="LeftSide"/>: the person's left side, so they walk
/// towards the image's left; <see cref="RightSide"/>: their right side, walking towards the image's right.
/// </summary>
[JsonConverter(typeof(CamelCaseEnumConverter<Viewpoint>))]
public enum Viewpoint
{
    Front,
    Back,
    LeftSide,
    RightSide,
}
