namespace VfeTps.Stream.PersonCrop.Detection;

/// <summary>Greedy non-maximum suppression: best score first, dropping boxes that overlap a kept one too much.</summary>
internal static class NonMaximumSuppression
{
    public static List<ScoredBox> Apply(IEnumerable<ScoredBox> candidates, float iouThreshold, int maxKept)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        // Ties keep their input order (a stable sort), so the result is deterministic.
        var ordered = candidates.OrderByDescending(box => box.Score).ToList();
        var kept = new List<ScoredBox>();
        foreach (var candidate in ordered)
        {
            if (kept.Count >= maxKept)
                break;
            if (kept.TrueForAll(box => box.IntersectionOverUnion(candidate) <= iouThreshold))
                kept.Add(candidate);
        }

        return kept;
    }
}
