using System.Text.Json.Serialization;

namespace VfeTps.Stream.SynthPedes;

/// <summary>Source-generated JSON for annotations and attributes: camelCase names, enums as camelCase strings.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(List<AnnotationEntry>))]
[JsonSerializable(typeof(PedestrianAttributes))]
public sealed partial class SynthPedesJsonContext : JsonSerializerContext;
