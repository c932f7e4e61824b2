using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Models;
using VfeTps.Stream.Training.Weights;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Tests;

/// <summary>The paper configuration against CLIP ViT-B/16's real layout.</summary>
public sealed class PaperConfigurationTests
{
    // CLIP ViT-B/16: 86,192,640 image-tower and 63,428,096 text-tower parameters plus logit_scale.
    private const long ClipViTB16Parameters = 149_620_737;
    private const long ClipTextTowerParameters = 63_428_096;
    // At 384×128 the position table has 24×8 + 1 rows instead of 14×14 + 1: 4 × 768 fewer.
    private const long ImageTowerAt384x128 = 86_192_640 - (4 * 768);

    [Fact]
    public void OpenAiViTB16File_LoadsStrictly_AndTheTowersMatchClipParameterCounts()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("ViT-B-16.safetensors");
        var keys = OpenAiClipFile.Keys(OpenAiClipFile.ViTB16);
        Assert.Equal(ClipViTB16Parameters, keys.Sum(k => k.Shape.Aggregate(1L, (a, b) => a * b)));
        OpenAiClipFile.Write(path, keys, ScalarType.Float16, seed: 1);

        using var model = new VfeTpsModel(ModelConfig.Paper);
        var report = ClipWeightLoader.Load(model, path);

        Assert.Equal(keys.Count - 1, report.LoadedTensors); // all but logit_scale
        Assert.Equal("14×14 → 24×8", report.PositionGrid);
        Assert.Contains(report.IgnoredKeys, k => k.StartsWith("logit_scale", StringComparison.Ordinal));
        Assert.Equal(ImageTowerAt384x128, Count(model.ImageTower, includeMaskToken: false));
        Assert.Equal(ClipTextTowerParameters, Count(model.TextTower, includeMaskToken: false));

        using var reader = SafetensorsReader.Open(path);
        var state = model.state_dict();
        using (var stored = reader.Read("visual.conv1.weight").to_type(ScalarType.Float32))
            Assert.True(state["visual.conv1.weight"].equal(stored).all().item<bool>());
        using (var stored = reader.Read("text_projection").to_type(ScalarType.Float32))
            Assert.True(state["text.text_projection"].equal(stored).all().item<bool>());
        using (var stored = reader.Read("visual.positional_embedding").to_type(ScalarType.Float32))
            Assert.True(state["visual.positional_embedding"][0].equal(stored[0]).all().item<bool>());
    }

    [Fact]
    public void PaperTowers_RunAForwardPass()
    {
        using var model = new VfeTpsModel(ModelConfig.Paper);
        model.eval();
        using var noGrad = no_grad();
        using var pixels = randn(1, 3, 384, 128);
        using var ids = zeros(1, 77, ScalarType.Int64);
        ids[0, 0] = 49406;
        ids[0, 1] = 320;
        ids[0, 2] = 49407;

        using var image = model.EmbedImages(pixels);
        using var text = model.EmbedTexts(ids);

        Assert.Equal(new long[] { 1, 512 }, image.shape);
        Assert.Equal(new long[] { 1, 512 }, text.shape);
        Assert.Equal(1, image.norm().item<float>(), 4);
        Assert.Equal(1, text.norm().item<float>(), 4);
    }

    private static long Count(nn.Module tower, bool includeMaskToken) =>
        tower.named_parameters()
            .Where(p => includeMaskToken || p.name != "mask_token")
            .Sum(p => p.parameter.numel());
}
