using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Losses;

/// <summary>
/// Cross-modal projection matching (paper eqs. 6–9): image→text plus text→image, each the mean
/// over rows of KL(p‖q) with p = softmax(cos/τ) and q the same-identity distribution.
/// Departs from the paper's eq. 7 in one place: no extra 1/B inside L_i (it would only rescale the
/// loss by the batch size; the original CMPM and the reference code have none).
/// </summary>
public static class CmpmLoss
{
    /// <param name="imageFeatures">[B, E] global image features.</param>
    /// <param name="textFeatures">[B, E] global text features; row i describes image i.</param>
    /// <param name="identities">[B] int64 person ids.</param>
    /// <param name="temperature">τ.</param>
    /// <param name="epsilon">ε inside log(q + ε).</param>
    public static Tensor Compute(Tensor imageFeatures, Tensor textFeatures, Tensor identities, double temperature, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(imageFeatures);
        ArgumentNullException.ThrowIfNull(textFeatures);
        ArgumentNullException.ThrowIfNull(identities);
        using var scope = NewDisposeScope();
        var target = MatchingDivergence.SameIdentityTarget(identities, identities);
        var imageToText = MatchingDivergence.ScaledCosine(imageFeatures, textFeatures, temperature);
        var loss = MatchingDivergence.RowMean(imageToText, target, epsilon)
            + MatchingDivergence.RowMean(imageToText.t(), target, epsilon);
        return loss.MoveToOuterDisposeScope();
    }
}
