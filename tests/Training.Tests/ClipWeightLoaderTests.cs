using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Models;
using VfeTps.Stream.Training.Weights;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Tests;

public sealed class ClipWeightLoaderTests
{
    // The tiny configuration laid out as an OpenAI checkpoint with a 4×4 position grid.
    private static readonly OpenAiClipFile.Layout s_tinyLayout = new(128, 4, 8, 4, 128, 4, 4096, 77, 128);

    [Fact]
    public void Load_ResizesPositionsAndLeavesTrainingOnlyPartsFresh()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("tiny.safetensors");
        OpenAiClipFile.Write(path, OpenAiClipFile.Keys(s_tinyLayout), ScalarType.Float32, seed: 3);
        using var model = new VfeTpsModel(ModelConfig.Tiny);

        var report = ClipWeightLoader.Load(model, path);

        Assert.Equal("4×4 → 12×4", report.PositionGrid);
        Assert.Contains("visual.mask_token", report.FreshlyInitialised);
        Assert.Contains(report.FreshlyInitialised, k => k.StartsWith("tgmim.", StringComparison.Ordinal));
        Assert.All(report.FreshlyInitialised, k => Assert.False(ClipWeightLoader.IsClipTensor(k)));
        using var reader = SafetensorsReader.Open(path);
        using var stored = reader.Read("visual.positional_embedding");
        Assert.True(model.state_dict()["visual.positional_embedding"][0].equal(stored[0]).all().item<bool>());
        Assert.Equal(new long[] { 49, 128 }, model.state_dict()["visual.positional_embedding"].shape);
    }

    [Fact]
    public void Load_ListsEveryProblem_AndChangesNothing_WhenTheFileDoesNotFit()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("broken.safetensors");
        var keys = OpenAiClipFile.Keys(s_tinyLayout)
            .Where(k => k.Key != "visual.ln_post.weight")
            .Select(k => k.Key == "text_projection" ? (k.Key, new long[] { 128, 64 }) : k)
            .Append(("visual.extra_head.weight", new long[] { 4 }))
            .ToList();
        OpenAiClipFile.Write(path, keys, ScalarType.Float32, seed: 4);
        using var model = new VfeTpsModel(ModelConfig.Tiny);
        using var before = model.state_dict()["visual.conv1.weight"].clone();

        var error = Assert.Throws<WeightLoadException>(() => ClipWeightLoader.Load(model, path));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("visual.ln_post.weight: missing", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("text_projection: shape [128, 64]", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("visual.extra_head.weight: unexpected", StringComparison.Ordinal));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.True(model.state_dict()["visual.conv1.weight"].equal(before).all().item<bool>());
    }

    [Fact]
    public void Load_RejectsAPositionTableThatIsNotASquareGrid()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("odd.safetensors");
        var keys = OpenAiClipFile.Keys(s_tinyLayout)
            .Select(k => k.Key == "visual.positional_embedding" ? (k.Key, new long[] { 1 + 15, 128 }) : k);
        OpenAiClipFile.Write(path, keys, ScalarType.Float32, seed: 5);
        using var model = new VfeTpsModel(ModelConfig.Tiny);

        var error = Assert.Throws<WeightLoadException>(() => ClipWeightLoader.Load(model, path));

        Assert.Contains(error.Problems, p => p.Contains("not a square grid", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ExplainsAMissingFile()
    {
        using var model = new VfeTpsModel(ModelConfig.Tiny);

        var error = Assert.Throws<FileNotFoundException>(() => ClipWeightLoader.Load(model, "/nonexistent/clip.safetensors"));

        Assert.Contains("/nonexistent/clip.safetensors", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToModelKey_PutsTextKeysUnderTheTextTower()
    {
        Assert.Equal("visual.proj", ClipWeightLoader.ToModelKey("visual.proj"));
        Assert.Equal("text.ln_final.bias", ClipWeightLoader.ToModelKey("ln_final.bias"));
    }
}
