namespace VfeTps.Stream.Tokenizer.Tests;

public sealed class ConcurrencyTests
{
    private static readonly List<string> Captions = SyntheticCaptions.Generate(300, seed: 5);
    private static readonly ClipTokenizer Trained = new BpeVocabularyBuilder(400).Build(Captions);

    [Theory]
    [InlineData(ClipTokenizer.DefaultWordCacheCapacity)]
    [InlineData(16)]
    [InlineData(0)]
    public async Task Tokenize_FromManyThreadsOnAColdCache_MatchesSequentialResults(int cacheCapacity)
    {
        var expected = Captions.Select(caption => Trained.Tokenize(caption)).ToList();
        var shared = new ClipTokenizer(Trained.Vocabulary, Trained.Merges, cacheCapacity);
        var cancellationToken = TestContext.Current.CancellationToken;

        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(
            () =>
            {
                // Each worker walks the captions in its own order so that threads race on cache misses.
                var order = Enumerable.Range(0, Captions.Count).OrderBy(index => (index * 7919 + worker * 104729) % Captions.Count);
                return order.Select(index => (index, Tokens: shared.Tokenize(Captions[index]))).ToList();
            },
            cancellationToken));
        var results = await Task.WhenAll(workers);

        foreach (var (index, tokens) in results.SelectMany(result => result))
        {
            Assert.Equal(expected[index], tokens);
        }
    }
}
