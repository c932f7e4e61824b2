namespace VfeTps.Stream.SynthPedes;

/// <summary>Small sampling helpers on <see cref="Random"/> used by every stage.</summary>
internal static class RandomExtensions
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static float Range(this Random random, float min, float max) => min + ((float)random.NextDouble() * (max - min));

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Picks an item with probability proportional to its weight.</summary>
    public static T PickWeighted<T>(this Random random, ReadOnlySpan<(T Item, int Weight)> choices)
    {
        var total = 0;
        foreach (var choice in choices)
        {
            total += choice.Weight;
        }

        var ticket = random.Next(total);
        foreach (var choice in choices)
        {
            ticket -= choice.Weight;
            if (ticket < 0)
            {
                return choice.Item;
            }
        }

        return choices[^1].Item;
    }

    /// <summary>Standard normal sample (Box–Muller).</summary>
    public static float Gaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    /// <summary>A random permutation of 0..count-1 (Fisher–Yates).</summary>
    public static int[] Permutation(this Random random, int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}
