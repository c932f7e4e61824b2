namespace VfeTps.Stream.Tokenizer.Tests;

public sealed class BpeVocabularyBuilderTests
{
    // Pair counts, worked out by hand: red = r e d</w> three times gives (r, e) = 3 and (e, d</w>) = 3;
    // shirt and shoes share (s, h) = 2; every other pair occurs once.
    private static readonly string[] ThreeCaptions = ["a red shirt", "red shoes", "red hat"];

    [Fact]
    public void LearnMerges_MostFrequentPairFirst_TiesByOrdinalThenStopsAtMinFrequency()
    {
        var merges = new BpeVocabularyBuilder(mergeCount: 10, minPairFrequency: 2)
            .LearnMerges(ThreeCaptions, TestContext.Current.CancellationToken);

        // (e, d</w>) beats (r, e) at 3 each because "e" < "r"; then (r, ed</w>) = 3; then (s, h) = 2.
        Assert.Equal(new[] { "e d</w>", "r ed</w>", "s h" }, merges.Select(merge => merge.ToString()));
    }

    [Fact]
    public void LearnMerges_StopsAtTheMergeCount()
    {
        var merges = new BpeVocabularyBuilder(mergeCount: 1, minPairFrequency: 1)
            .LearnMerges(ThreeCaptions, TestContext.Current.CancellationToken);

        Assert.Equal("e d</w>", Assert.Single(merges).ToString());
    }

    [Fact]
    public void Build_UsesClipLayout_SpecialsLast()
    {
        var tokenizer = new BpeVocabularyBuilder(mergeCount: 10, minPairFrequency: 2)
            .Build(ThreeCaptions, TestContext.Current.CancellationToken);

        Assert.Equal(517, tokenizer.VocabularySize);
        Assert.Equal(515, tokenizer.StartOfTextId);
        Assert.Equal(516, tokenizer.EndOfTextId);
        Assert.Equal(new[] { 513 }, tokenizer.Encode("red")); // the second merge
        Assert.Equal(new[] { 514, 'o' - 33, 'e' - 33, 's' - 33 + 256 }, tokenizer.Encode("shoes"));
    }

    [Fact]
    public void ForVocabularySize_CountsByteSymbolsAndSpecials()
    {
        var tokenizer = BpeVocabularyBuilder.ForVocabularySize(515, minPairFrequency: 1)
            .Build(ThreeCaptions, TestContext.Current.CancellationToken);

        Assert.Single(tokenizer.Merges);
        Assert.Equal(515, tokenizer.VocabularySize);
        Assert.Throws<ArgumentOutOfRangeException>(() => BpeVocabularyBuilder.ForVocabularySize(513));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BpeVocabularyBuilder(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BpeVocabularyBuilder(10, minPairFrequency: 0));
    }

    [Fact]
    public void LearnMerges_UsesTheTokenizersCleanUpAndWordSplitting()
    {
        string[] captions = ["RED,BLUE", "red,  blue", "Red , Blue <|endoftext|>", "it's red's"];

        var merges = new BpeVocabularyBuilder(mergeCount: 100, minPairFrequency: 1)
            .LearnMerges(captions, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(merges, merge => merge.Merged.Any(char.IsUpper));
        Assert.DoesNotContain(merges, merge => merge.Merged.Contains(',', StringComparison.Ordinal));
        Assert.DoesNotContain(merges, merge => merge.Merged.Contains('|', StringComparison.Ordinal));
        Assert.Contains(merges, merge => merge.Merged == "'s</w>");
    }

    [Fact]
    public void LearnMerges_IsDeterministicAndIgnoresCaptionOrder()
    {
        var captions = SyntheticCaptions.Generate(2000, seed: 7);
        var shuffled = captions.OrderBy(_ => Random.Shared.Next()).ToList();
        var builder = new BpeVocabularyBuilder(mergeCount: 500);

        var first = builder.LearnMerges(captions, TestContext.Current.CancellationToken);
        var second = builder.LearnMerges(captions, TestContext.Current.CancellationToken);
        var fromShuffled = builder.LearnMerges(shuffled, TestContext.Current.CancellationToken);

        Assert.Equal(500, first.Count);
        Assert.Equal(first, second);
        Assert.Equal(first, fromShuffled);
    }

    [Fact]
    public void Build_EncodesItsCorpusWithoutUnknownsAndRoundTripsThroughSaveTo()
    {
        var captions = SyntheticCaptions.Generate(500, seed: 11);
        var tokenizer = new BpeVocabularyBuilder(mergeCount: 300).Build(captions, TestContext.Current.CancellationToken);
        using var directory = new TempDirectory();

        tokenizer.SaveTo(directory.FullPath);
        var reloaded = ClipTokenizer.Load(directory.FullPath);

        Assert.Equal(tokenizer.Merges, reloaded.Merges);
        foreach (var caption in captions.Take(100))
        {
            var ids = tokenizer.Encode(caption, out var unknown);
            Assert.Equal(0, unknown);
            Assert.Equal(ids, reloaded.Encode(caption));
            Assert.Equal(caption.Replace(",", " ,", StringComparison.Ordinal).Replace(".", " .", StringComparison.Ordinal), tokenizer.Decode(ids));
        }
    }

    [Fact]
    public void LearnMerges_LearnsThousandsOfDistinctMergesFromTwentyThousandCaptions()
    {
        var captions = SyntheticCaptions.Generate(20_000, seed: 3);

        var merges = new BpeVocabularyBuilder(mergeCount: 4000).LearnMerges(captions, TestContext.Current.CancellationToken);

        Assert.Equal(4000, merges.Count);
        Assert.Equal(merges.Count, merges.Distinct().Count());
    }

    [Fact]
    public void LearnMerges_HonoursCancellation()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(
            () => new BpeVocabularyBuilder(10).LearnMerges(ThreeCaptions, cancellation.Token));
    }
}
