namespace VfeTps.Stream.Tokenizer;

/// <summary>
/// Orders candidate merges best first for a min-heap: higher count first; equal counts by left
/// symbol, then right symbol, ordinal ascending, so that learning is deterministic.
/// </summary>
internal sealed class PairPriorityComparer : IComparer<PairPriority>
{
    public static PairPriorityComparer Instance { get; } = new();

    public int Compare(PairPriority x, PairPriority y)
    {
        var byCount = y.Count.CompareTo(x.Count);
        if (byCount != 0)
        {
            return byCount;
        }

        var byLeft = string.CompareOrdinal(x.Left, y.Left);
        return byLeft != 0 ? byLeft : string.CompareOrdinal(x.Right, y.Right);
    }
}
