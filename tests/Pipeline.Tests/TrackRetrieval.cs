namespace VfeTps.Stream.Pipeline.Tests;

/// <summary>Track-level retrieval metrics: each query's ranked tracks, marked relevant when the track is the described person.</summary>
internal static class TrackRetrieval
{
    /// <summary>1 when the first track is relevant.</summary>
    public static double RankOne(IReadOnlyList<bool> relevance) => relevance.Count > 0 && relevance[0] ? 1 : 0;

    /// <summary>Average precision over the relevant tracks in the ranking (all tracks are ranked, so none is missed).</summary>
    public static double AveragePrecision(IReadOnlyList<bool> relevance)
    {
        var found = 0;
        var sum = 0.0;
        for (var rank = 0; rank < relevance.Count; rank++)
        {
            if (relevance[rank])
            {
                found++;
                sum += (double)found / (rank + 1);
            }
        }

        return found == 0 ? 0 : sum / found;
    }
}
