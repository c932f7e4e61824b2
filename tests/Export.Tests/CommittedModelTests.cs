using VfeTps.Stream.Datasets;
using VfeTps.Stream.Inference;
using VfeTps.Stream.SynthPedes;
using VfeTps.Stream.Tokenizer;
using VfeTps.Stream.Training.Weights;

namespace VfeTps.Stream.Export.Tests;

/// <summary>
/// Every bundle committed under <c>models/</c> (the embedded system's default model among them)
/// loads through the serving loader, its ONNX towers reproduce its own TorchSharp checkpoint, and
/// ONNX Runtime reproduces the SynthPedes test metrics its manifest records.
/// </summary>
public sealed class CommittedModelTests
{
    // Training evaluated with TorchSharp; this runs ONNX Runtime. Embeddings agree to ~1e-7, so
    // only a near-tie between two gallery images could move a rank; half a point allows a few.
    private const double MetricTolerancePoints = 0.5;

    private static readonly string[] s_captions =
    [
        "a man in a red jacket and blue jeans with a black backpack",
        "a woman wearing a white skirt, a green top and brown shoes",
        "the person has short dark hair and carries a yellow handbag",
        "a child in grey shorts",
    ];

    public static TheoryData<string> Bundles => [.. CommittedModels.Names];

    [Fact]
    public void A_default_model_is_committed() => Assert.NotEmpty(CommittedModels.Names);

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Committed_bundle_towers_reproduce_its_checkpoint(string name)
    {
        var folder = Path.Combine(CommittedModels.Directory, name);
        using var bundle = ModelBundle.Load(folder, new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Cpu });
        using var model = TrainingCheckpoint.LoadModel(Path.Combine(folder, bundle.Manifest.Checkpoint));
        model.eval();
        var tokenizer = ClipTokenizer.Load(Path.Combine(folder, bundle.Manifest.Tokenizer.Directory));
        var context = bundle.Manifest.Text.ContextLength;

        foreach (var batch in new[] { 1, 6 })
        {
            var images = TowerParity.CompareImages(model, Path.Combine(folder, bundle.Manifest.Image.File), TowerParityTests.RandomPixels(model.Config, batch, seed: batch), batch);
            Assert.True(images.Passes, $"{name}, image batch {batch}: {images}");
        }
        foreach (var count in new[] { 1, s_captions.Length })
        {
            var ids = tokenizer.TokenizeBatch(s_captions[..count], context);
            var texts = TowerParity.CompareTexts(model, Path.Combine(folder, bundle.Manifest.Text.File), ids, count);
            Assert.True(texts.Passes, $"{name}, text batch {count}: {texts}");
        }
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Committed_bundle_reproduces_its_recorded_SynthPedes_test_metrics(string name)
    {
        var folder = Path.Combine(CommittedModels.Directory, name);
        using var bundle = ModelBundle.Load(folder, new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Cpu });
        Assert.True(bundle.Manifest.Evaluation.TryGetValue("synthpedes-test", out var recorded), $"{name} records no synthpedes-test metrics.");
        Assert.True(bundle.Manifest.Training.TryGetProperty("synthPedes", out var options), $"{name} does not record the SynthPedes options it was evaluated on.");
        using var data = new TempDirectory();
        var recipe = SynthPedesRecipe.FromJson(options.GetRawText());
        Assert.True(recipe.GeneratorVersion == SynthPedesRecipe.CurrentGeneratorVersion,
            $"{name} was evaluated on SynthPedes generator version {recipe.GeneratorVersion}; this code renders version {SynthPedesRecipe.CurrentGeneratorVersion}. Retrain or re-evaluate and republish it.");
        SynthPedesGenerator.Generate(recipe.ToOptions(data.FullPath) with { Splits = new HashSet<string> { SplitNames.Test } },
            cancellationToken: TestContext.Current.CancellationToken);

        var measured = BundleEvaluator.Evaluate(bundle, PersonDatasetLoader.Load(data.FullPath, cancellationToken: TestContext.Current.CancellationToken), DatasetSplit.Test, TestContext.Current.CancellationToken);

        Assert.Equal(recorded.Rank1, measured.Rank1, MetricTolerancePoints);
        Assert.Equal(recorded.Rank5, measured.Rank5, MetricTolerancePoints);
        Assert.Equal(recorded.Rank10, measured.Rank10, MetricTolerancePoints);
        Assert.Equal(recorded.MeanAveragePrecision, measured.MeanAveragePrecision, MetricTolerancePoints);
        Assert.Equal(recorded.MeanInverseNegativePenalty, measured.MeanInverseNegativePenalty, MetricTolerancePoints);
    }
}
