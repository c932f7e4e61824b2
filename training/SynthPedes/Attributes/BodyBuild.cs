using System.Text.Json.Serialization;

namespace VfeTps.Stream.SynthPedes;

/// <summary>How broad a pedestrian is; scales torso and limb widths.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<BodyBuild>))]
public enum BodyBuild
{
    Slim,
    Average,
    Heavy,
}
