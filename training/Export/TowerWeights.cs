using static TorchSharp.torch;

namespace VfeTps.Stream.Export;

/// <summary>
/// Reads a tower's tensors by their OpenAI CLIP names out of a model's state dictionary, as flat
/// float arrays in the layout the ONNX graph wants.
/// </summary>
internal sealed class TowerWeights
{
    private readonly Dictionary<string, Tensor> _state;
    private readonly string _prefix;

    public TowerWeights(Dictionary<string, Tensor> state, string prefix)
    {
        _state = state;
        _prefix = prefix;
    }

    /// <summary>The tensor as stored, row-major.</summary>
    public float[] Values(string name) => ToArray(Get(name));

    /// <summary>The tensor's shape.</summary>
    public long[] Shape(string name) => Get(name).shape;

    /// <summary>A Linear layer's [out, in] weight transposed to [in, out], so that y = MatMul(x, w) + b.</summary>
    public float[] TransposedValues(string name)
    {
        using var transposed = Get(name).t();
        return ToArray(transposed);
    }

    private Tensor Get(string name) =>
        _state.TryGetValue(_prefix + name, out var tensor)
            ? tensor
            : throw new InvalidOperationException($"The model has no tensor '{_prefix + name}'; the exporter and the model's structure disagree.");

    private static float[] ToArray(Tensor tensor)
    {
        using var scope = NewDisposeScope();
        return tensor.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
    }
}
