using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Models;

/// <summary>
/// Multi-head attention with PyTorch's packed parameter layout (<c>in_proj_weight</c>,
/// <c>in_proj_bias</c>, <c>out_proj</c>), so OpenAI CLIP weights load by name. Query and
/// key/value may come from different sequences (TG-MIM's cross-attention). Inputs are [B, L, D].
/// </summary>
public sealed class MultiHeadAttention : nn.Module<Tensor, Tensor, bool, Tensor>
{
    private readonly Parameter in_proj_weight;
    private readonly Parameter in_proj_bias;
    private readonly Linear out_proj;
    private readonly int _heads;

    public MultiHeadAttention(string name, int width, int heads) : base(name)
    {
        _heads = heads;
        in_proj_weight = nn.Parameter(empty(3 * width, width));
        in_proj_bias = nn.Parameter(zeros(3 * width));
        out_proj = nn.Linear(width, width);
        nn.init.xavier_uniform_(in_proj_weight);
        using (no_grad())
            out_proj.bias!.zero_();
        RegisterComponents();
    }

    public int Heads => _heads;

    /// <param name="query">[B, Lq, D]</param>
    /// <param name="keyValue">[B, Lk, D]</param>
    /// <param name="causal">Mask out keys after each query position (text tower).</param>
    public override Tensor forward(Tensor query, Tensor keyValue, bool causal)
    {
        using var scope = NewDisposeScope();
        var width = in_proj_weight.shape[1];
        var weights = in_proj_weight.chunk(3, 0);
        var biases = in_proj_bias.chunk(3, 0);
        var q = SplitHeads(nn.functional.linear(query, weights[0], biases[0]));
        var k = SplitHeads(nn.functional.linear(keyValue, weights[1], biases[1]));
        var v = SplitHeads(nn.functional.linear(keyValue, weights[2], biases[2]));
        var attended = nn.functional.scaled_dot_product_attention(q, k, v, null, 0.0, causal);
        var merged = attended.transpose(1, 2).reshape(query.shape[0], query.shape[1], width);
        return out_proj.call(merged).MoveToOuterDisposeScope();
    }

    private Tensor SplitHeads(Tensor x) =>
        x.view(x.shape[0], x.shape[1], _heads, x.shape[2] / _heads).transpose(1, 2);
}
