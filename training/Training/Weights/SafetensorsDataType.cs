using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Weights;

/// <summary>The safetensors dtype names this project reads and writes, and their TorchSharp types.</summary>
public static class SafetensorsDataType
{
    private static readonly Dictionary<string, ScalarType> s_byName = new(StringComparer.Ordinal)
    {
        ["F64"] = ScalarType.Float64,
        ["F32"] = ScalarType.Float32,
        ["F16"] = ScalarType.Float16,
        ["BF16"] = ScalarType.BFloat16,
        ["I64"] = ScalarType.Int64,
        ["I32"] = ScalarType.Int32,
        ["I16"] = ScalarType.Int16,
        ["I8"] = ScalarType.Int8,
        ["U8"] = ScalarType.Byte,
        ["BOOL"] = ScalarType.Bool,
    };

    public static bool IsSupported(string name) => s_byName.ContainsKey(name);

    public static ScalarType ToScalarType(string name) =>
        s_byName.TryGetValue(name, out var type)
            ? type
            : throw new InvalidDataException($"Unsupported safetensors dtype '{name}'. Supported: {string.Join(", ", s_byName.Keys)}.");

    public static string ToName(ScalarType type)
    {
        foreach (var (name, candidate) in s_byName)
        {
            if (candidate == type)
                return name;
        }
        throw new NotSupportedException($"Tensors of type {type} cannot be written to safetensors by this project.");
    }

    public static int ElementSize(ScalarType type) => type switch
    {
        ScalarType.Float64 or ScalarType.Int64 => 8,
        ScalarType.Float32 or ScalarType.Int32 => 4,
        ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Int16 => 2,
        _ => 1,
    };
}
