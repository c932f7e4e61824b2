using System.Text.Json.Serialization;

namespace VfeTps.Stream.SynthPedes;

/// <summary>Pattern of the upper garment; a logo is a patch on the chest, so only the front shows it.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<GarmentPattern>))]
public enum GarmentPattern
{
    Plain,
    Striped,
    Checked,
    Logo,
}
