using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Models;

/// <summary>
/// What a tower returns: the global feature [B, E] (class token for images, end-of-text token for
/// text) and every token's feature [B, L, E], all after the final LayerNorm and projection.
/// </summary>
public sealed record TowerOutput(Tensor Global, Tensor Tokens) : IDisposable
{
    public void Dispose()
    {
        Global.Dispose();
        Tokens.Dispose();
    }
}
