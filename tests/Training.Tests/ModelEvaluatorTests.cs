using VfeTps.Stream.Datasets;
using VfeTps.Stream.Evaluation;
using VfeTps.Stream.Tokenizer;
using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Trainer;
using VfeTps.Stream.Training.Weights;

namespace VfeTps.Stream.Training.Tests;

public sealed class ModelEvaluatorTests
{
    [Fact]
    public void Evaluate_WritesMetricsSilhouetteAndAProjection_AndAcceptsAQueryFile()
    {
        using var dir = new TempDirectory();
        var data = ColourPeopleDataset.Write(dir.PathOf("data"));
        var run = new TrainingRunFolder(dir.PathOf("run"));
        var recipe = new TrainingRecipe
        {
            Model = ModelConfig.Tiny with { Image = ModelConfig.Tiny.Image with { Layers = 1 }, Text = ModelConfig.Tiny.Text with { Layers = 1 } },
            Dataset = data,
            Epochs = 2,
            BatchSize = 16,
            VocabularyMerges = 50,
            Optimizer = new OptimizerSettings { LearningRate = 1e-3, WarmupEpochs = 1 },
        };
        new ModelTrainer(TextWriter.Null).Train(recipe, run, TestContext.Current.CancellationToken);
        using var model = TrainingCheckpoint.LoadModel(run.LastCheckpoint);
        var tokenizer = ClipTokenizer.Load(run.Tokenizer);
        var dataset = PersonDatasetLoader.Load(data, cancellationToken: TestContext.Current.CancellationToken);
        var evaluator = new ModelEvaluator(TextWriter.Null);

        var result = evaluator.Evaluate(model, tokenizer, dataset, DatasetSplit.Test, run.Evaluation, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(24, result.Metrics.QueryCount); // 3 identities × 4 images × 2 captions
        Assert.Equal(12, result.Metrics.GalleryCount);
        Assert.InRange(result.Metrics.Rank1, 0, 100);
        Assert.True(result.Metrics.Rank10 >= result.Metrics.Rank5 && result.Metrics.Rank5 >= result.Metrics.Rank1);
        Assert.InRange(result.Silhouette, -1, 1);
        Assert.Equal(result.Metrics, EvaluationReport.Read(result.Report.JsonPath).Metrics);
        Assert.True(new FileInfo(result.ProjectionPlot).Length > 1000);

        var queries = dir.PathOf("queries.json");
        var testIds = dataset.Test.Select(i => i.PersonId).Distinct().ToList();
        QueryFile.Save(queries, testIds.Select(id => new TextQuery("a person in trousers", id)));
        var fromFile = evaluator.Evaluate(model, tokenizer, dataset, DatasetSplit.Test, dir.PathOf("eval2"), QueryFile.Load(queries),
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(3, fromFile.Metrics.QueryCount);
    }
}
