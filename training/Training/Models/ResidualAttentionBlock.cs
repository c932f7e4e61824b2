using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Models;

/// <summary>A pre-LayerNorm transformer block with CLIP's parameter names (ln_1, attn, ln_2, mlp).</summary>
public sealed class ResidualAttentionBlock : nn.Module<Tensor, Tensor>
{
    private readonly MultiHeadAttention attn;
    private readonly LayerNorm ln_1;
    private readonly Mlp mlp;
    private readonly LayerNorm ln_2;
    private readonly bool _causal;

    public ResidualAttentionBlock(string name, int width, int heads, bool causal) : base(name)
    {
        attn = new MultiHeadAttention("attn", width, heads);
        ln_1 = nn.LayerNorm(width);
        mlp = new Mlp("mlp", width);
        ln_2 = nn.LayerNorm(width);
        _causal = causal;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var normed = ln_1.call(x);
        var afterAttention = x + attn.call(normed, normed, _causal);
        var result = afterAttention + mlp.call(ln_2.call(afterAttention));
        return result.MoveToOuterDisposeScope();
    }
}
