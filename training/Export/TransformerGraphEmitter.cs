using System.Globalization;
using VfeTps.Stream.Onnx;

namespace VfeTps.Stream.Export;

/// <summary>
/// Emits the ONNX nodes of CLIP's building blocks (LayerNorm, Linear, multi-head self-attention,
/// the QuickGELU MLP, pre-LN residual blocks) with the module's parameter path as node and
/// initializer names, so a node in a viewer says which layer it is.
/// </summary>
internal sealed class TransformerGraphEmitter
{
    // TorchSharp's nn.LayerNorm default, which every LayerNorm of the towers uses.
    private const float LayerNormEpsilon = 1e-5f;
    private const float QuickGeluFactor = 1.702f;

    private readonly OnnxGraphBuilder _graph;
    private readonly TowerWeights _weights;
    private readonly string _prefix;

    public TransformerGraphEmitter(OnnxGraphBuilder graph, TowerWeights weights, string prefix)
    {
        _graph = graph;
        _weights = weights;
        _prefix = prefix;
    }

    public OnnxGraphBuilder Graph => _graph;

    /// <summary>A float initializer named after the parameter, with the parameter's shape.</summary>
    public string Parameter(string name) => _graph.Initializer(_prefix + name, _weights.Values(name), _weights.Shape(name));

    /// <summary>A float initializer with the parameter's values in another shape.</summary>
    public string Parameter(string name, params long[] shape) => _graph.Initializer(_prefix + name, _weights.Values(name), shape);

    /// <summary>A constant that is not a parameter (shapes, axes, scales).</summary>
    public string Constant(string name, params long[] values) => _graph.Initializer(_prefix + name, values, values.Length);

    public string ScalarConstant(string name, long value) => _graph.Initializer(_prefix + name, [value]);

    public string ScalarConstant(string name, float value) => _graph.Initializer(_prefix + name, [value]);

    public string Node(string opType, string name, IReadOnlyList<string> inputs, params OnnxAttribute[] attributes) =>
        _graph.Node(opType, _prefix + name, inputs, attributes);

    public string LayerNorm(string module, string x) =>
        Node("LayerNormalization", module, [x, Parameter(module + ".weight"), Parameter(module + ".bias")],
            OnnxAttribute.Int("axis", -1), OnnxAttribute.Float("epsilon", LayerNormEpsilon));

    /// <summary>y = x·Wᵀ + b with W stored pre-transposed.</summary>
    public string Linear(string module, string x) => Linear(module, x, module + ".weight", module + ".bias");

    private string Linear(string node, string x, string weightName, string biasName)
    {
        var shape = _weights.Shape(weightName);
        // Stored as [in, out], so named apart from the [out, in] parameter it comes from.
        var weight = _graph.Initializer(_prefix + weightName + "_t", _weights.TransposedValues(weightName), shape[1], shape[0]);
        var product = Node("MatMul", node + ".matmul", [x, weight]);
        return Node("Add", node, [product, Parameter(biasName)]);
    }

    /// <summary>
    /// One pre-LN residual block: x + attn(ln_1(x)), then + mlp(ln_2(·)).
    /// <paramref name="additiveMask"/> is null or an [L, L] tensor added to the attention scores.
    /// </summary>
    public string ResidualBlock(int index, string x, int width, int heads, string? additiveMask)
    {
        var block = "transformer.resblocks." + index.ToString(CultureInfo.InvariantCulture);
        var attended = SelfAttention(block + ".attn", LayerNorm(block + ".ln_1", x), width, heads, additiveMask);
        var afterAttention = Node("Add", block + ".attn_residual", [x, attended]);
        var hidden = Linear(block + ".mlp.c_fc", LayerNorm(block + ".ln_2", afterAttention));
        var gate = Node("Sigmoid", block + ".mlp.gelu_gate",
            [Node("Mul", block + ".mlp.gelu_scale", [hidden, ScalarConstant(block + ".mlp.gelu_factor", QuickGeluFactor)])]);
        var activated = Node("Mul", block + ".mlp.quick_gelu", [hidden, gate]);
        var projected = Linear(block + ".mlp.c_proj", activated);
        return Node("Add", block + ".mlp_residual", [afterAttention, projected]);
    }

    private string SelfAttention(string module, string x, int width, int heads, string? additiveMask)
    {
        var headSize = width / heads;
        var packed = Linear(module + ".in_proj", x, module + ".in_proj_weight", module + ".in_proj_bias"); // [B, L, 3W]
        var split = Node("Reshape", module + ".split_heads", [packed, Constant(module + ".split_shape", 0, 0, 3, heads, headSize)]);
        var perHead = Node("Transpose", module + ".heads_first", [split], OnnxAttribute.Ints("perm", 2, 0, 3, 1, 4)); // [3, B, H, L, d]
        var query = Node("Gather", module + ".query", [perHead, ScalarConstant(module + ".query_index", 0L)], OnnxAttribute.Int("axis", 0));
        var key = Node("Gather", module + ".key", [perHead, ScalarConstant(module + ".key_index", 1L)], OnnxAttribute.Int("axis", 0));
        var value = Node("Gather", module + ".value", [perHead, ScalarConstant(module + ".value_index", 2L)], OnnxAttribute.Int("axis", 0));
        var keyT = Node("Transpose", module + ".key_transposed", [key], OnnxAttribute.Ints("perm", 0, 1, 3, 2));
        var scores = Node("MatMul", module + ".scores", [query, keyT]);
        var scaled = Node("Mul", module + ".scaled_scores", [scores, ScalarConstant(module + ".scale", (float)(1.0 / Math.Sqrt(headSize)))]);
        if (additiveMask is not null)
            scaled = Node("Add", module + ".masked_scores", [scaled, additiveMask]);
        var probabilities = Node("Softmax", module + ".weights", [scaled], OnnxAttribute.Int("axis", -1));
        var context = Node("MatMul", module + ".context", [probabilities, value]); // [B, H, L, d]
        var tokensFirst = Node("Transpose", module + ".tokens_first", [context], OnnxAttribute.Ints("perm", 0, 2, 1, 3));
        var merged = Node("Reshape", module + ".merge_heads", [tokensFirst, Constant(module + ".merge_shape", 0, 0, width)]);
        return Linear(module + ".out_proj", merged);
    }
}
