using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Models;

/// <summary>
/// The training objective of one batch: the weighted total (what is back-propagated) and each term
/// before weighting (what progress bars and logs show). Disabled terms are null.
/// </summary>
public sealed record LossTerms(Tensor Total, Tensor Cmpm, Tensor? TgMim, Tensor? IsGvfc, Tensor? IdentityClassification = null) : IDisposable
{
    public void Dispose()
    {
        Total.Dispose();
        Cmpm.Dispose();
        TgMim?.Dispose();
        IsGvfc?.Dispose();
        IdentityClassification?.Dispose();
    }
}
