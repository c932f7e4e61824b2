using System.Text.Json.Serialization;

namespace VfeTps.Stream.SynthPedes;

/// <summary>Natural hair colours; kept apart from the clothing palette because the names differ ("blonde", "auburn").</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<HairColor>))]
public enum HairColor
{
    Black,
    DarkBrown,
    Brown,
    Blonde,
    Auburn,
    Grey,
}
