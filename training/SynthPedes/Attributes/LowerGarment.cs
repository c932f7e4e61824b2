using System.Text.Json.Serialization;

namespace VfeTps.Stream.SynthPedes;

[JsonConverter(typeof(CamelCaseEnumConverter<LowerGarment>))]
public enum LowerGarment
{
    Trousers,
    Jeans,
    Shorts,
    Skirt,
}
