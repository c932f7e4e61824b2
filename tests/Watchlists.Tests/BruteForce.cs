namespace VfeTps.Stream.Watchlists.Tests;

/// <summary>The calibrated scores a watchlist should give, computed the slow obvious way: mean and standard deviation over the window as it was before each crop.</summary>
internal static class BruteForce
{
    /// <summary>Expected hits (track → calibrated score) of <paramref name="text"/> over crops fed in order after <paramref name="seed"/>, once per track.</summary>
    public static Dictionary<long, double> Hits(
        float[] text, IReadOnlyList<float[]> seed, IEnumerable<(long Track, float[] Vector)> crops, int window, int minCrops, double threshold,
        double minStandardDeviation = 0.005)
    {
        var recent = new List<double>(seed.Select(v => Cosine(text, v)).TakeLast(window));
        var hits = new Dictionary<long, double>();
        foreach (var (track, vector) in crops)
        {
            var score = Cosine(text, vector);
            if (recent.Count >= minCrops)
            {
                var (mean, sd) = Describe(recent);
                var z = (score - mean) / Math.Max(sd, minStandardDeviation);
                if (z >= threshold)
                    hits.TryAdd(track, z);
            }

            recent.Add(score);
            if (recent.Count > window)
                recent.RemoveAt(0);
        }

        return hits;
    }

    public static (double Mean, double StandardDeviation) Describe(IReadOnlyList<double> scores)
    {
        var mean = scores.Average();
        return (mean, Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / scores.Count));
    }

    public static double Cosine(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
            sum += (double)a[i] * b[i];
        return sum;
    }
}
