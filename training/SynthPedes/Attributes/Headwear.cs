using System.Text.Json.Serialization;

namespace VfeTps.Stream.SynthPedes;

/// <summary>What covers the head. <see cref="Hood"/> is the hood of the upper garment pulled up.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<Headwear>))]
public enum Headwear
{
    None,
    Cap,
    Beanie,
    WideBrimHat,
    Hood,
}
