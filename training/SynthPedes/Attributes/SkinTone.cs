using System.Text.Json.Serialization;

namespace VfeTps.Stream.SynthPedes;

/// <summary>Skin colour of face, neck, hands and bare legs (never written into captions).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<SkinTone>))]
public enum SkinTone
{
    Light,
    Fair,
    Medium,
    Olive,
    Brown,
    Dark,
}
