using VfeTps.Stream.Training.Models;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Losses;

/// <summary>
/// The KL divergence that CMPM and IS-GVFC share: for each row i, p = softmax(logits_i) against a
/// target distribution q_i, Σ_j p_ij (log p_ij − log(q_ij + ε)), averaged over rows.
/// </summary>
public static class MatchingDivergence
{
    public static Tensor RowMean(Tensor logits, Tensor target, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(target);
        using var scope = NewDisposeScope();
        var p = nn.functional.softmax(logits, 1);
        var logP = nn.functional.log_softmax(logits, 1);
        var perRow = (p * (logP - target.Plus(epsilon).log())).sum(1);
        return perRow.mean().MoveToOuterDisposeScope();
    }

    /// <summary>q_ij = y_ij / Σ_k y_ik, with y_ij = 1 where rows i and j share an identity.</summary>
    public static Tensor SameIdentityTarget(Tensor rowIdentities, Tensor columnIdentities)
    {
        ArgumentNullException.ThrowIfNull(rowIdentities);
        ArgumentNullException.ThrowIfNull(columnIdentities);
        using var scope = NewDisposeScope();
        var same = rowIdentities.unsqueeze(1).eq(columnIdentities.unsqueeze(0)).to_type(ScalarType.Float32);
        return (same / same.sum(1, keepdim: true).AtLeast(1)).MoveToOuterDisposeScope();
    }

    /// <summary>Cosine similarity matrix of two feature sets, divided by τ.</summary>
    public static Tensor ScaledCosine(Tensor rows, Tensor columns, double temperature)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        using var scope = NewDisposeScope();
        var a = nn.functional.normalize(rows, dim: 1);
        var b = nn.functional.normalize(columns, dim: 1);
        return a.matmul(b.t()).DividedBy(temperature).MoveToOuterDisposeScope();
    }
}
