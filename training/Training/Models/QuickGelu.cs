using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Models;

/// <summary>CLIP's GELU approximation, x·σ(1.702x); the pretrained weights expect exactly this.</summary>
public static class QuickGelu
{
    public static Tensor Apply(Tensor x)
    {
        using var scaled = x.Times(1.702);
        using var gate = sigmoid(scaled);
        return x * gate;
    }
}
