using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Models;

/// <summary>A stack of residual attention blocks, named <c>resblocks.{i}</c> as in CLIP.</summary>
public sealed class Transformer : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<ResidualAttentionBlock> resblocks;

    public Transformer(string name, int width, int layers, int heads, bool causal) : base(name)
    {
        resblocks = new ModuleList<ResidualAttentionBlock>();
        for (var i = 0; i < layers; i++)
            resblocks.Add(new ResidualAttentionBlock(i.ToString(System.Globalization.CultureInfo.InvariantCulture), width, heads, causal));
        RegisterComponents();
    }

    public int Layers => resblocks.Count;

    public override Tensor forward(Tensor x)
    {
        var current = x;
        foreach (var block in resblocks)
        {
            var next = block.call(current);
            if (!ReferenceEquals(current, x))
                current.Dispose();
            current = next;
        }
        return ReferenceEquals(current, x) ? x.alias() : current;
    }
}
