using VfeTps.Stream.Tokenizer;
using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Models;
using VfeTps.Stream.Training.Native;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Tests;

/// <summary>The shared tokenizer feeding the text tower, as training and serving both do.</summary>
public sealed class TokenizerIntegrationTests
{
    private static readonly string[] s_captions =
    [
        "A woman in a red coat with a black backpack and white shoes.",
        "The man wears a yellow jacket, blue jeans and carries a red backpack.",
        "A young woman with long black hair, a white blouse and a grey skirt.",
    ];

    [Fact]
    public void BuiltVocabulary_PutsEndOfTextLast_SoTheTextTowerPoolsAtEndOfText()
    {
        var tokenizer = new BpeVocabularyBuilder(mergeCount: 60, minPairFrequency: 1).Build(s_captions, TestContext.Current.CancellationToken);
        Assert.Equal(tokenizer.VocabularySize - 1, tokenizer.EndOfTextId);
        var config = ModelConfig.Tiny with { Text = ModelConfig.Tiny.Text with { VocabularySize = tokenizer.VocabularySize } };
        using var tower = new TextTower("text", config.Text, config.EmbeddingSize);
        var rows = tokenizer.TokenizeBatch(s_captions, config.Text.ContextLength);
        using var ids = tensor(rows, [s_captions.Length, config.Text.ContextLength]);

        using var output = tower.call(ids);

        for (var row = 0; row < s_captions.Length; row++)
        {
            var endOfText = Array.IndexOf(rows, (long)tokenizer.EndOfTextId, row * config.Text.ContextLength) - (row * config.Text.ContextLength);
            Assert.True(output.Global[row].allclose(output.Tokens[row, endOfText]), $"caption {row} not pooled at position {endOfText}");
        }
    }

    [Fact]
    public void TorchRuntime_LoadsLibtorch()
    {
        Assert.StartsWith("2.", TorchRuntime.EnsureLoaded(), StringComparison.Ordinal);
    }
}
