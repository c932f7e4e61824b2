namespace VfeTps.Stream.Training.Data;

/// <summary>
/// Token rows shaped like tokenised captions for benchmarks and tests that have no tokenizer:
/// start-of-text (vocabulary − 2), random word ids, end-of-text (vocabulary − 1, the largest id,
/// where the text tower pools), then zero padding — CLIP's layout.
/// </summary>
public static class SyntheticTokenRows
{
    /// <summary>One row of <paramref name="context"/> ids holding <paramref name="words"/> word ids.</summary>
    public static long[] Caption(int vocabulary, int context, int words, Random? random = null)
    {
        var row = new long[context];
        Fill(row, vocabulary, words, random ?? new Random(words));
        return row;
    }

    /// <summary><paramref name="rows"/> rows back to back, each with a random word count in [3, context − 2).</summary>
    public static long[] Captions(int vocabulary, int context, int rows, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var values = new long[rows * context];
        for (var row = 0; row < rows; row++)
            Fill(values.AsSpan(row * context, context), vocabulary, random.Next(3, context - 2), random);
        return values;
    }

    private static void Fill(Span<long> row, int vocabulary, int words, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabulary, 4);
        ArgumentOutOfRangeException.ThrowIfNegative(words);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(words, row.Length - 2);
        row.Clear();
        row[0] = vocabulary - 2;
        for (var position = 1; position <= words; position++)
            row[position] = random.Next(1, vocabulary - 2);
        row[words + 1] = vocabulary - 1;
    }
}
