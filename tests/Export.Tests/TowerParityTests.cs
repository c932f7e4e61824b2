using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Data;
using VfeTps.Stream.Training.Models;
using static TorchSharp.torch;

namespace VfeTps.Stream.Export.Tests;

/// <summary>
/// ONNX Runtime against TorchSharp on the same inputs, for the tiny and the paper configuration,
/// batch 1 and batch &gt; 1, both towers: every value within 1e-4, every embedding at cosine ≥ 0.99999.
/// </summary>
public sealed class TowerParityTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void Tiny_model_towers_match_TorchSharp(int batch)
    {
        using var model = RandomModel(ModelConfig.Tiny, seed: 11);
        using var folder = new TempDirectory();
        var towers = TowerExport.Write(model, folder.FullPath, "parity-tiny");

        var images = TowerParity.CompareImages(model, towers.ImagePath, RandomPixels(model.Config, batch, seed: 3), batch);
        var texts = TowerParity.CompareTexts(model, towers.TextPath, TokenRows(model.Config, batch, model.Config.Text.ContextLength, seed: 5), batch);

        Assert.True(images.Passes, $"image tower: {images}");
        Assert.True(texts.Passes, $"text tower: {texts}");
        Assert.Equal(batch, images.Rows);
        Assert.Equal(batch, texts.Rows);
    }

    [Fact]
    public void Text_tower_accepts_rows_shorter_than_the_context()
    {
        using var model = RandomModel(ModelConfig.Tiny, seed: 12);
        using var folder = new TempDirectory();
        var towers = TowerExport.Write(model, folder.FullPath, "parity-short");

        var texts = TowerParity.CompareTexts(model, towers.TextPath, TokenRows(model.Config, 3, tokens: 20, seed: 8), 3);

        Assert.True(texts.Passes, texts.ToString());
    }

    [Fact]
    public void Paper_model_towers_match_TorchSharp()
    {
        using var model = RandomModel(ModelConfig.Paper, seed: 13);
        using var folder = new TempDirectory();
        var towers = TowerExport.Write(model, folder.FullPath, "parity-paper");

        foreach (var batch in new[] { 1, 2 })
        {
            var images = TowerParity.CompareImages(model, towers.ImagePath, RandomPixels(model.Config, batch, seed: batch), batch);
            var texts = TowerParity.CompareTexts(model, towers.TextPath, TokenRows(model.Config, batch, model.Config.Text.ContextLength, seed: batch), batch);
            Assert.True(images.Passes, $"paper image tower, batch {batch}: {images}");
            Assert.True(texts.Passes, $"paper text tower, batch {batch}: {texts}");
        }
    }

    [Fact]
    public void A_wrong_graph_fails_parity()
    {
        // The comparison itself must be able to fail: another model's graph against this model.
        using var model = RandomModel(ModelConfig.Tiny, seed: 14);
        using var other = RandomModel(ModelConfig.Tiny, seed: 15);
        using var folder = new TempDirectory();
        var towers = TowerExport.Write(other, folder.FullPath, "other");

        var images = TowerParity.CompareImages(model, towers.ImagePath, RandomPixels(model.Config, 2, seed: 1), 2);

        Assert.False(images.Passes, images.ToString());
    }

    /// <summary>
    /// A model whose every parameter is off its initial value: a fresh model has LayerNorm weights
    /// of 1 and zero biases, under which swapped LayerNorms or misplaced biases would go unnoticed.
    /// </summary>
    internal static VfeTpsModel RandomModel(ModelConfig config, int seed)
    {
        manual_seed(seed);
        var model = new VfeTpsModel(config);
        using (no_grad())
        {
            foreach (var parameter in model.parameters())
            {
                using var noise = randn_like(parameter);
                parameter.add_(noise.mul_(0.05));
            }
        }
        model.eval();
        return model;
    }

    internal static float[] RandomPixels(ModelConfig config, int batch, int seed)
    {
        var random = new Random(seed);
        var values = new float[batch * 3 * config.Image.Height * config.Image.Width];
        for (var index = 0; index < values.Length; index++)
            values[index] = (float)((random.NextDouble() * 4) - 2);
        return values;
    }

    internal static long[] TokenRows(ModelConfig config, int batch, int tokens, int seed) =>
        SyntheticTokenRows.Captions(config.Text.VocabularySize, tokens, batch, new Random(seed));
}
