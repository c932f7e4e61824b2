using System.Text.Json.Serialization;

namespace VfeTps.Stream.SynthPedes;

/// <summary>The fixed palette of garment, shoe and bag colours; RGB values are in <see cref="Palette"/>.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ClothingColor>))]
public enum ClothingColor
{
    Red,
    Orange,
    Yellow,
    Green,
    Blue,
    Navy,
    Purple,
    Pink,
    Brown,
    Grey,
    Black,
    White,
    Beige,
}
