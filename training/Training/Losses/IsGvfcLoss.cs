using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Losses;

/// <summary>
/// Identity supervised global visual feature calibration in the paper's batch form (eqs. 4–5):
/// C images drawn from the batch, p = row softmax of their C×C cosine similarities / τ, q the
/// row-normalised same-identity matrix (an image counts as its own positive), loss = mean KL(p‖q).
/// It involves image features only, so it never sends gradient to the text tower.
/// </summary>
public static class IsGvfcLoss
{
    public static Tensor Compute(
        Tensor imageFeatures, Tensor identities, int sampleSize, double temperature, double epsilon, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(imageFeatures);
        ArgumentNullException.ThrowIfNull(identities);
        using var scope = NewDisposeScope();
        var batch = imageFeatures.shape[0];
        var features = imageFeatures;
        var ids = identities;
        if (batch > sampleSize)
        {
            var chosen = randperm(batch, generator: generator)[..sampleSize].to(imageFeatures.device);
            features = imageFeatures.index_select(0, chosen);
            ids = identities.index_select(0, chosen);
        }
        var logits = MatchingDivergence.ScaledCosine(features, features, temperature);
        var target = MatchingDivergence.SameIdentityTarget(ids, ids);
        return MatchingDivergence.RowMean(logits, target, epsilon).MoveToOuterDisposeScope();
    }
}
