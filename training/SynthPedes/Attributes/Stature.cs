using System.Text.Json.Serialization;

namespace VfeTps.Stream.SynthPedes;

/// <summary>How tall a pedestrian is; changes proportions (head-to-body ratio) and size in a crop.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<Stature>))]
public enum Stature
{
    Short,
    Average,
    Tall,
}
