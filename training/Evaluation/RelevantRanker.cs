namespace VfeTps.Stream.Evaluation;

/// <summary>
/// Ranks of one query's relevant gallery items under the stable descending order: item a comes
/// before item b when s_a &gt; s_b, or s_a == s_b and a &lt; b. So
/// rank(r) = 1 + #{j : s_j &gt; s_r} + #{j &lt; r : s_j == s_r}.
/// </summary>
/// <remarks>
/// Costs O(G log R + R log R) for G gallery items and R relevant ones, without sorting the gallery:
/// the relevant items are sorted, then every gallery item j is binary-searched to count p_j, the
/// relevant items that come before it. Item j comes before-or-is the i-th relevant item exactly when
/// p_j ≤ i, so that item's rank is #{j : p_j ≤ i}, a prefix sum of a histogram of p.
/// </remarks>
internal static class RelevantRanker
{
    /// <summary>
    /// Sorts <paramref name="relevant"/> (gallery indices) into rank order and writes their ranks,
    /// ascending, into <paramref name="ranks"/>. <paramref name="histogram"/> needs R + 1 slots.
    /// </summary>
    public static void Rank(float[] scores, Span<int> relevant, Span<int> ranks, Span<int> histogram)
    {
        var count = relevant.Length;
        relevant.Sort(new StableDescending(scores));
        histogram[..(count + 1)].Clear();

        var lastRelevant = relevant[count - 1];
        var lastScore = scores[lastRelevant];
        for (var j = 0; j < scores.Length; j++)
        {
            var score = scores[j];
            // Most of the gallery sits strictly below the worst relevant item: p_j = R, which no
            // prefix sum up to R - 1 reads, so skip the search.
            if (score < lastScore)
            {
                continue;
            }

            histogram[CountBefore(scores, relevant, j)]++;
        }

        var cumulative = 0;
        for (var i = 0; i < count; i++)
        {
            cumulative += histogram[i];
            ranks[i] = cumulative;
        }
    }

    /// <summary>How many of the sorted relevant items come before gallery item <paramref name="item"/>.</summary>
    private static int CountBefore(float[] scores, ReadOnlySpan<int> sortedRelevant, int item)
    {
        var score = scores[item];
        var low = 0;
        var high = sortedRelevant.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            var candidate = sortedRelevant[middle];
            var candidateScore = scores[candidate];
            var candidateFirst = candidateScore > score || (candidateScore == score && candidate < item);
            if (candidateFirst)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private readonly struct StableDescending(float[] scores) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var byScore = scores[y].CompareTo(scores[x]);
            return byScore != 0 ? byScore : x.CompareTo(y);
        }
    }
}
