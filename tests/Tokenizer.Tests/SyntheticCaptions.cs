namespace VfeTps.Stream.Tokenizer.Tests;

/// <summary>Seeded caption-like text: Zipf-distributed pseudo-words built from syllables, plus punctuation.</summary>
internal static class SyntheticCaptions
{
    private static readonly string[] Syllables =
    [
        "a", "man", "wo", "in", "red", "blue", "shirt", "pants", "ka", "lo", "mi", "ta", "ber", "gen", "sho", "es",
        "bag", "hat", "wal", "king", "ing", "er", "on", "the", "with", "black", "white", "jeans", "coat", "long",
        "hair", "short", "ri", "de", "bi", "cy", "cle", "grey", "yel", "low", "green", "dark", "light", "strip", "ed",
    ];

    public static List<string> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var lexicon = Enumerable.Range(0, 6000)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => Syllables[random.Next(Syllables.Length)])))
            .ToArray();
        var captions = new List<string>(count);
        for (var index = 0; index < count; index++)
        {
            var words = Enumerable.Range(0, random.Next(20, 61)).Select(_ =>
            {
                // Squaring a uniform draw skews towards the front of the lexicon, as real word use does.
                var draw = random.NextDouble();
                return lexicon[(int)(draw * draw * lexicon.Length)];
            });
            captions.Add(string.Join(' ', words) + (index % 3 == 0 ? ", with a bag." : "."));
        }

        return captions;
    }
}
