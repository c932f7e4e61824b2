using VfeTps.Stream.Inference;
using VfeTps.Stream.Tokenizer;
using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Weights;

namespace VfeTps.Stream.Export.Tests;

/// <summary>Publishing: a checkpoint becomes a bundle that the serving loader accepts, or nothing at all.</summary>
public sealed class PublishTests
{
    private static readonly string[] s_captions =
    [
        "a man in a red jacket and blue jeans with a black backpack",
        "a woman wearing a white skirt and a green top",
        "the person has short dark hair and carries a yellow handbag",
        "a child in grey shorts and white shoes",
    ];

    [Fact]
    public void Publish_WritesABundleThatLoadsAndEmbedsLikeTorchSharp()
    {
        using var folder = new TempDirectory();
        var (checkpoint, tokenizerDirectory) = TrainedLookingRun(folder);
        var destination = folder.PathOf("bundle");

        var published = ModelPublisher.Publish(Request(checkpoint, tokenizerDirectory, destination), TextWriter.Null);

        Assert.True(published.ImageParity.Passes && published.TextParity.Passes);
        using var bundle = ModelBundle.Load(destination, new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Cpu });
        Assert.Equal("test-version", bundle.ModelVersion);
        Assert.Equal(ModelConfig.Tiny.EmbeddingSize, bundle.Manifest.EmbeddingSize);
        Assert.Equal(12.5, bundle.Manifest.Evaluation["synthpedes-test"].Rank1);
        Assert.Equal("SynthPedes", bundle.Manifest.Training.GetProperty("dataset").GetString());
        Assert.True(bundle.Manifest.Training.GetProperty("exportParity").GetProperty("imageMaxAbsDifference").GetDouble() <= ParityResult.MaxAllowedDifference);

        // What the bundle's ONNX text tower says equals what its own checkpoint says in TorchSharp.
        using var model = TrainingCheckpoint.LoadModel(Path.Combine(destination, BundleManifest.DefaultCheckpoint));
        var tokenizer = ClipTokenizer.Load(tokenizerDirectory);
        var ids = tokenizer.TokenizeBatch(s_captions, ModelConfig.Tiny.Text.ContextLength);
        var parity = TowerParity.CompareTexts(model, Path.Combine(destination, TowerExport.TextFileName), ids, s_captions.Length);
        Assert.True(parity.Passes, parity.ToString());
        var served = bundle.TextEncoder.EmbedBatch(s_captions);
        using var expected = TorchSharp.torch.tensor(ids, [s_captions.Length, ModelConfig.Tiny.Text.ContextLength]);
        using var reference = model.EmbedTexts(expected);
        Assert.True(ParityResult.Compare(reference.data<float>().ToArray(), served.Values, served.Dimension).Passes);
    }

    [Fact]
    public void Publish_IntoAnEmptyFolderGivenWithATrailingSlash_FillsThatFolder()
    {
        using var folder = new TempDirectory();
        var (checkpoint, tokenizerDirectory) = TrainedLookingRun(folder);
        var destination = folder.CreateSubdirectory("empty");

        ModelPublisher.Publish(Request(checkpoint, tokenizerDirectory, destination + Path.DirectorySeparatorChar), TextWriter.Null);

        Assert.True(File.Exists(Path.Combine(destination, BundleManifest.FileName)));
        Assert.DoesNotContain(Directory.EnumerateDirectories(folder.FullPath), path => path.Contains(".staging-", StringComparison.Ordinal));
    }

    [Fact]
    public void Publish_IntoANonEmptyFolder_IsRefusedAndTheFolderIsUntouched()
    {
        using var folder = new TempDirectory();
        var (checkpoint, tokenizerDirectory) = TrainedLookingRun(folder);
        var destination = folder.CreateSubdirectory("existing");
        File.WriteAllText(Path.Combine(destination, "keep.txt"), "an earlier version");

        var error = Assert.Throws<IOException>(() => ModelPublisher.Publish(Request(checkpoint, tokenizerDirectory, destination), TextWriter.Null));

        Assert.Contains("never overwritten", error.Message, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(destination).Select(Path.GetFileName));
    }

    [Fact]
    public void Publish_WithTheWrongTokenizer_FailsAndLeavesNothingBehind()
    {
        using var folder = new TempDirectory();
        var (checkpoint, _) = TrainedLookingRun(folder);
        var other = folder.CreateSubdirectory("other-tokenizer");
        new BpeVocabularyBuilder(mergeCount: 10, minPairFrequency: 1).Build(s_captions, TestContext.Current.CancellationToken).SaveTo(other);
        var destination = folder.PathOf("bundle");

        var error = Assert.Throws<InvalidOperationException>(() => ModelPublisher.Publish(Request(checkpoint, other, destination), TextWriter.Null));

        Assert.Contains("expects", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(destination));
        Assert.Equal(["checkpoint.safetensors", "other-tokenizer", "tokenizer"],
            Directory.EnumerateFileSystemEntries(folder.FullPath).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static PublishRequest Request(string checkpoint, string tokenizer, string destination) => new(
        checkpoint, tokenizer, destination, "test-version",
        new Dictionary<string, object?> { ["dataset"] = "SynthPedes", ["epochs"] = 1 },
        new Dictionary<string, RecordedMetrics> { ["synthpedes-test"] = new(12.5, 30, 45, 14, 6) });

    /// <summary>A tiny model whose text tower fits a tokenizer learned from a few captions, saved as a checkpoint.</summary>
    private static (string Checkpoint, string Tokenizer) TrainedLookingRun(TempDirectory folder)
    {
        var tokenizer = new BpeVocabularyBuilder(mergeCount: 40, minPairFrequency: 1).Build(s_captions, TestContext.Current.CancellationToken);
        var tokenizerDirectory = folder.CreateSubdirectory("tokenizer");
        tokenizer.SaveTo(tokenizerDirectory);
        var config = ModelConfig.Tiny with { Text = ModelConfig.Tiny.Text with { VocabularySize = tokenizer.VocabularySize } };
        using var model = TowerParityTests.RandomModel(config, seed: 21);
        var checkpoint = folder.PathOf("checkpoint.safetensors");
        TrainingCheckpoint.Save(checkpoint, model);
        return (checkpoint, tokenizerDirectory);
    }
}
