using System.Text.Json.Serialization;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// Carried bag. A backpack hangs on the back, a shoulder bag on the right hip with its strap over the left
/// shoulder, a handbag from the right hand: where it hangs decides which viewpoints show it.
/// </summary>
[JsonConverter(typeof(CamelCaseEnumConverter<BagType>))]
public enum BagType
{
    None,
    Backpack,
    ShoulderBag,
    Handbag,
}
