using System.Text.Json.Serialization;
using VfeTps.Stream.SynthPedes;

namespace VfeTps.Stream.DemoCameras;

/// <summary>Which way a person crosses the frame.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<WalkDirection>))]
public enum WalkDirection
{
    LeftToRight,
    RightToLeft,
}
