using System.Text.Json;
using System.Text.Json.Serialization;

namespace VfeTps.Stream.SynthPedes;

/// <summary>Writes enum values as camelCase strings ("longCoat", "leftSide") to match the camelCase property names.</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
