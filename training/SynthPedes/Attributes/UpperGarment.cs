using System.Text.Json.Serialization;

namespace VfeTps.Stream.SynthPedes;

[JsonConverter(typeof(CamelCaseEnumConverter<UpperGarment>))]
public enum UpperGarment
{
    TShirt,
    Shirt,
    Sweater,
    Hoodie,
    Jacket,
    LongCoat,
}
