using System.Globalization;

namespace VfeTps.Stream.Inference;

/// <summary>
/// Checks the probe embeddings of one tower: every value finite, every row unit-length, and the
/// rows spread out rather than collapsed onto one point.
/// </summary>
/// <remarks>
/// Collapse: for unit vectors the mean squared distance from their mean is <c>1 − ‖mean‖²</c>. It is
/// 0 when every probe gives the same embedding (a broken export or a runtime optimisation bug: such
/// a model must never be served), and only float rounding (≈1e-7) keeps it off 0. A working tower
/// is far above <see cref="MinimumSpread"/> = 1e-3 even when its embeddings fill a narrow cone, as
/// CLIP's do: with 16 probes, 1e-3 is reached only when the average cosine similarity between
/// different probes exceeds 0.9989. A partly collapsed tower, where most probes land on the same
/// point and a few elsewhere, can still spread; it is caught by counting the probe pairs whose
/// cosine distance is below <see cref="SamePointDistance"/>, which two different inputs of a
/// working tower do not reach: half of all pairs or more refuses the model.
/// </remarks>
internal static class EmbeddingHealth
{
    /// <summary>Largest tolerated deviation of an embedding's L2 norm from 1.</summary>
    public const double NormTolerance = 1e-3;

    /// <summary>Smallest accepted <c>1 − ‖mean‖²</c> of the probe embeddings.</summary>
    public const double MinimumSpread = 1e-3;

    /// <summary>Cosine distance below which two probes count as giving the same embedding.</summary>
    public const double SamePointDistance = 1e-6;

    /// <summary>Largest tolerated difference between a probe embedded alone and within the batch.</summary>
    public const double BatchTolerance = 1e-3;

    /// <summary>Problems with <paramref name="batch"/>, each starting with <paramref name="tower"/>.</summary>
    /// <param name="tower">"image tower" or "text tower".</param>
    /// <param name="input">What a probe is: "image" or "text".</param>
    /// <param name="batch">The probe embeddings.</param>
    public static List<string> Check(string tower, string input, EmbeddingBatch batch)
    {
        var inputs = input + "s";
        var problems = new List<string>();
        var rows = batch.Count;
        var nonFinite = Enumerable.Range(0, rows).Where(row => !AllFinite(batch[row])).ToList();
        if (nonFinite.Count > 0)
        {
            problems.Add($"{tower}: NaN/infinite output for {nonFinite.Count} of {rows} probe {inputs} (first: {input} {nonFinite[0]}).");
            return problems;
        }

        var norms = Enumerable.Range(0, rows).Select(row => Norm(batch[row])).ToArray();
        var offNorm = Enumerable.Range(0, rows).Where(row => Math.Abs(norms[row] - 1) > NormTolerance).ToList();
        if (offNorm.Count > 0)
        {
            var first = offNorm[0];
            problems.Add(
                $"{tower}: output is not L2-normalised: {offNorm.Count} of {rows} probe {inputs} have a norm outside 1 ± {Format(NormTolerance)} " +
                $"({input} {first}: {Format(norms[first])}).");
        }

        if (rows < 2)
            return problems;

        // On re-normalised rows, so that a scale error is reported once, above, and not as collapse too.
        var unit = new double[rows][];
        for (var row = 0; row < rows; row++)
        {
            var values = batch[row];
            unit[row] = new double[values.Length];
            for (var i = 0; i < values.Length; i++)
                unit[row][i] = norms[row] > 0 ? values[i] / norms[row] : 0;
        }
        var spread = Spread(unit);
        if (spread < MinimumSpread)
        {
            problems.Add(
                $"{tower}: collapsed embeddings: the {rows} probe {inputs} give nearly the same embedding " +
                $"(spread 1 − ‖mean‖² = {Format(Math.Max(0, spread))}, expected at least {Format(MinimumSpread)}).");
            return problems;
        }

        var pairs = rows * (rows - 1) / 2;
        var samePoint = CountSamePointPairs(unit);
        if (pairs > 0 && samePoint * 2 >= pairs)
            problems.Add($"{tower}: collapsed embeddings: {samePoint} of {pairs} pairs of different probe {inputs} give the same embedding.");
        return problems;
    }

    /// <summary>A problem when a probe embedded alone differs from its row in the batch run.</summary>
    public static string? CheckBatchConsistency(string tower, ReadOnlySpan<float> alone, ReadOnlySpan<float> inBatch)
    {
        var largest = ParityResult.Compare(alone, inBatch, alone.Length).MaxAbsDifference;
        return largest <= BatchTolerance
            ? null
            : $"{tower}: output depends on the rest of the batch: probe 0 embedded alone differs from its row in the batch by up to {Format(largest)}.";
    }

    private static bool AllFinite(ReadOnlySpan<float> values)
    {
        foreach (var value in values)
        {
            if (!float.IsFinite(value))
                return false;
        }
        return true;
    }

    private static double Norm(ReadOnlySpan<float> values)
    {
        var sum = 0.0;
        foreach (var value in values)
            sum += (double)value * value;
        return Math.Sqrt(sum);
    }

    private static double Spread(double[][] unit)
    {
        var dimension = unit[0].Length;
        var mean = new double[dimension];
        foreach (var row in unit)
        {
            for (var i = 0; i < dimension; i++)
                mean[i] += row[i] / unit.Length;
        }
        return 1 - mean.Sum(value => value * value);
    }

    private static int CountSamePointPairs(double[][] unit)
    {
        var count = 0;
        for (var a = 0; a < unit.Length; a++)
        {
            for (var b = a + 1; b < unit.Length; b++)
            {
                var cosine = 0.0;
                for (var i = 0; i < unit[a].Length; i++)
                    cosine += unit[a][i] * unit[b][i];
                if (1 - cosine < SamePointDistance)
                    count++;
            }
        }
        return count;
    }

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
