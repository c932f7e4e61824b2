using System.Text.Json.Serialization;

namespace VfeTps.Stream.SynthPedes;

[JsonConverter(typeof(CamelCaseEnumConverter<HairLength>))]
public enum HairLength
{
    Bald,
    Short,
    Medium,
    Long,
}
