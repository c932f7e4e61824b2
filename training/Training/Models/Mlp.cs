using TorchSharp.Modules;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Models;

/// <summary>The transformer block's feed-forward part: c_fc (4× width), QuickGELU, c_proj.</summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    private readonly Linear c_fc;
    private readonly Linear c_proj;

    public Mlp(string name, int width) : base(name)
    {
        c_fc = nn.Linear(width, 4 * width);
        c_proj = nn.Linear(4 * width, width);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var hidden = c_fc.call(x);
        using var activated = QuickGelu.Apply(hidden);
        return c_proj.call(activated);
    }
}
