using System.Text.Json.Serialization;

namespace VfeTps.Stream.DemoCameras;

/// <summary>Source-generated JSON for the ground truth: camelCase names, enums as camelCase strings, indented.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(SceneGroundTruth))]
internal sealed partial class GroundTruthJsonContext : JsonSerializerContext;
