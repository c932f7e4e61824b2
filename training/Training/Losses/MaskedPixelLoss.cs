using VfeTps.Stream.Training.Models;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Losses;

/// <summary>
/// TG-MIM's reconstruction loss (paper eq. 3, SimMIM's normalisation): L1 between predicted and
/// true normalised pixels over masked pixels only, divided by the masked pixel count and by the
/// 3 colour channels.
/// </summary>
public static class MaskedPixelLoss
{
    /// <param name="prediction">[B, 3, H, W]</param>
    /// <param name="target">[B, 3, H, W], the normalised input image.</param>
    /// <param name="pixelMask">[B, 1, H, W], 1 where the pixel was masked.</param>
    public static Tensor Compute(Tensor prediction, Tensor target, Tensor pixelMask)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(pixelMask);
        using var scope = NewDisposeScope();
        var channels = prediction.shape[1];
        var error = (prediction - target).abs() * pixelMask;
        return (error.sum() / pixelMask.sum().Plus(1e-5)).DividedBy(channels).MoveToOuterDisposeScope();
    }
}
