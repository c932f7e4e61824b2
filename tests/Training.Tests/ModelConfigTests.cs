using VfeTps.Stream.Training.Configuration;

namespace VfeTps.Stream.Training.Tests;

public sealed class ModelConfigTests
{
    [Fact]
    public void PaperConfiguration_IsCLIPViTB16At384x128()
    {
        var paper = ModelConfig.ByName("paper");

        Assert.Equal((24, 8), (paper.Image.GridHeight, paper.Image.GridWidth));
        Assert.Equal((768, 12, 12), (paper.Image.ModelWidth, paper.Image.Layers, paper.Image.Heads));
        Assert.Equal((512, 12, 8, 77, 49408), (paper.Text.ModelWidth, paper.Text.Layers, paper.Text.Heads, paper.Text.ContextLength, paper.Text.VocabularySize));
        Assert.Equal(512, paper.EmbeddingSize);
        Assert.Equal((32, 0.6, 4), (paper.TgMim.MaskBlockSize, paper.TgMim.MaskRatio, paper.TgMim.DecoderLayers));
        Assert.Equal((20, 0.02), (paper.IsGvfc.SampleSize, paper.IsGvfc.Temperature));
    }

    [Fact]
    public void Json_RoundTripsEveryConfiguration()
    {
        foreach (var config in new[] { ModelConfig.Paper, ModelConfig.Tiny with { TgMim = ModelConfig.Tiny.TgMim with { MaskToken = MaskTokenKind.Zero } } })
            Assert.Equal(config, ModelConfigJson.Deserialize(ModelConfigJson.Serialize(config)));
    }

    [Fact]
    public void Validated_NamesTheSettingThatDoesNotFit()
    {
        var bad = ModelConfig.Tiny with { Image = ModelConfig.Tiny.Image with { PatchSize = 7 } };

        var error = Assert.Throws<ArgumentException>(() => bad.Validated());

        Assert.Contains("patch size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validated_RejectsAMaskBlockThatIsNotAMultipleOfThePatch()
    {
        var bad = ModelConfig.Tiny with { TgMim = ModelConfig.Tiny.TgMim with { MaskBlockSize = 12 } };

        Assert.Throws<ArgumentException>(() => bad.Validated());
    }

    [Fact]
    public void ByName_RejectsAnUnknownName()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelConfig.ByName("huge"));

        Assert.Contains("paper, tiny", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_ExplainsBrokenJson()
    {
        Assert.Throws<InvalidDataException>(() => ModelConfigJson.Deserialize("{\"name\": 3"));
    }
}
