using System.Diagnostics;
using System.Threading.Channels;
using VfeTps.Stream.Datasets;
using VfeTps.Stream.Preprocessing;
using VfeTps.Stream.Tokenizer;
using VfeTps.Stream.Training.Data;
using VfeTps.Stream.Training.Models;
using VfeTps.Stream.Training.Native;
using VfeTps.Stream.Training.Weights;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Trainer;

/// <summary>
/// Trains VFE-TPS from a recipe into a run folder: epochs of batches assembled on a background
/// task (bounded hand-over, so the CPU side stays one batch ahead), the learning-rate schedule per
/// step, validation after epochs, metrics log and plots, a checkpoint after every epoch and on
/// cancellation (Ctrl-C). Every random choice is seeded from (seed, epoch, step), so a resumed run
/// continues exactly as the uninterrupted one would have.
/// </summary>
public sealed class ModelTrainer
{
    private const long ImageCacheBudgetBytes = 3L << 30;
    private readonly TextWriter _log;

    public ModelTrainer(TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
    }

    /// <summary>Raised after every optimiser step with the number of steps done in the run so far.</summary>
    public event Action<long>? StepCompleted;

    /// <summary>Starts a new run in <paramref name="run"/> from <paramref name="recipe"/>.</summary>
    public TrainingOutcome Train(TrainingRecipe recipe, TrainingRunFolder run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(run);
        if (File.Exists(run.LastCheckpoint))
            throw new InvalidOperationException($"'{run.Path}' already holds a run; resume it or choose another folder.");
        TorchRuntime.EnsureLoaded();
        run.Create();
        var dataset = LoadDataset(recipe);
        var tokenizer = recipe.Tokenizer is null
            ? LearnVocabulary(recipe, dataset, cancellationToken)
            : ClipTokenizer.Load(recipe.Tokenizer);
        tokenizer.SaveTo(run.Tokenizer);
        var effective = recipe with
        {
            Model = recipe.Model with
            {
                Text = recipe.Model.Text with { VocabularySize = tokenizer.VocabularySize },
                IdentityClassifier = recipe.Model.IdentityClassifier with { Identities = dataset.IdentityCount(DatasetSplit.Train) },
            },
        };
        effective.Validated(); // after the data has filled in the vocabulary size and identity count
        TrainingRecipeJson.Save(run.Recipe, effective);
        File.Delete(run.MetricsLog);

        manual_seed(effective.Seed);
        using var model = new VfeTpsModel(effective.Model);
        if (effective.ClipWeights is not null)
        {
            var report = ClipWeightLoader.Load(model, effective.ClipWeights);
            _log.WriteLine($"Loaded {report.LoadedTensors} CLIP tensors from {effective.ClipWeights} (positions {report.PositionGrid ?? "unchanged"}).");
        }
        using var optimizer = new ModelOptimizer(model, effective.Optimizer);
        return Fit(effective, dataset, tokenizer, model, optimizer, run, ResumePoint.Start, cancellationToken);
    }

    /// <summary>Continues the run in <paramref name="run"/> from its last checkpoint.</summary>
    public TrainingOutcome Resume(TrainingRunFolder run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        TorchRuntime.EnsureLoaded();
        if (!File.Exists(run.LastCheckpoint))
            throw new FileNotFoundException($"'{run.Path}' has no checkpoint to resume from.", run.LastCheckpoint);
        var recipe = TrainingRecipeJson.Load(run.Recipe);
        var point = ResumePoint.FromMetadata(TrainingCheckpoint.ReadMetadata(run.LastCheckpoint));
        var dataset = LoadDataset(recipe);
        var tokenizer = ClipTokenizer.Load(run.Tokenizer);
        using var model = TrainingCheckpoint.LoadModel(run.LastCheckpoint);
        using var optimizer = new ModelOptimizer(model, recipe.Optimizer);
        TrainingCheckpoint.RestoreOptimizer(run.LastCheckpoint, model, optimizer.Adam);
        MetricsLog.TruncateFrom(run.MetricsLog, point.Epoch);
        _log.WriteLine($"Resuming {run.Path} at epoch {point.Epoch + 1}, step {point.StepInEpoch}.");
        return Fit(recipe, dataset, tokenizer, model, optimizer, run, point, cancellationToken);
    }

    private TrainingOutcome Fit(TrainingRecipe recipe, PersonDataset dataset, ClipTokenizer tokenizer, VfeTpsModel model,
        ModelOptimizer optimizer, TrainingRunFolder run, ResumePoint start, CancellationToken cancellationToken)
    {
        var image = recipe.Model.Image;
        var preprocessor = new ImagePreprocessor(image.Height, image.Width, ImageNormalization.Clip);
        var trainImages = LoadImages(dataset.Train, image.Height, image.Width, "train", cancellationToken);
        var validation = dataset.Validation.Count > 0
            ? new RetrievalProbe(dataset.Validation, LoadImages(dataset.Validation, image.Height, image.Width, "validation", cancellationToken), preprocessor, tokenizer)
            : null;
        if (validation is null)
            _log.WriteLine($"{dataset.Name} has no validation split: no validation during training (the test split is never used for choices).");

        var sampler = new PairSampler(dataset.Train, recipe.BatchSize, recipe.Sampling, recipe.InstancesPerIdentity, recipe.Seed);
        var assembler = new BatchAssembler(dataset.Train, trainImages,
            new ImageAugmenter(recipe.Augmentation, preprocessor, image.Height, image.Width), tokenizer, recipe.Model.Text.ContextLength, recipe.Seed);
        var schedule = new LearningRateSchedule(recipe.Optimizer, recipe.Epochs);
        var best = start.BestMeanAveragePrecision;
        model.train();
        _log.WriteLine($"Training {recipe.Model.Name} on {dataset.Name}: {sampler.PairCount} pairs, {sampler.BatchesPerEpoch} batches of {recipe.BatchSize} per epoch, {recipe.Epochs} epochs.");

        for (var epoch = start.Epoch; epoch < recipe.Epochs; epoch++)
        {
            var firstStep = epoch == start.Epoch ? start.StepInEpoch : 0;
            var watch = Stopwatch.StartNew();
            var meter = new LossMeter();
            var finished = RunEpoch(recipe, model, optimizer, sampler, assembler, schedule, epoch, firstStep, meter, out var stepsDone, cancellationToken);
            if (!finished)
            {
                var point = new ResumePoint(epoch, stepsDone, best);
                TrainingCheckpoint.Save(run.LastCheckpoint, model, optimizer.Adam, point.ToMetadata());
                _log.WriteLine($"Stopped at epoch {epoch + 1}, step {stepsDone}; checkpoint saved to {run.LastCheckpoint}. Resume with --resume.");
                return ReachedStepLimit(recipe, epoch, stepsDone, sampler) ? TrainingOutcome.Completed : TrainingOutcome.Interrupted;
            }

            var metrics = validation is not null && recipe.ValidateEveryEpochs > 0 && ((epoch + 1) % recipe.ValidateEveryEpochs == 0 || epoch + 1 == recipe.Epochs)
                ? validation.Evaluate(model, cancellationToken).Metrics
                : null;
            var record = EpochReport.Record(epoch, meter, optimizer.LearningRate, metrics, watch.Elapsed.TotalSeconds);
            MetricsLog.Append(run.MetricsLog, record);
            EpochReport.Plot(run, MetricsLog.Read(run.MetricsLog));
            _log.WriteLine(EpochReport.Describe(record, recipe.Epochs));

            var improved = metrics is not null && metrics.MeanAveragePrecision > best;
            if (improved)
                best = metrics!.MeanAveragePrecision;
            TrainingCheckpoint.Save(run.LastCheckpoint, model, optimizer.Adam, new ResumePoint(epoch + 1, 0, best).ToMetadata());
            if (improved)
                File.Copy(run.LastCheckpoint, run.BestCheckpoint, overwrite: true);
        }
        return TrainingOutcome.Completed;
    }

    // Runs the steps of one epoch from firstStep; false when stopped early (cancellation or step limit).
    private bool RunEpoch(TrainingRecipe recipe, VfeTpsModel model, ModelOptimizer optimizer, PairSampler sampler, BatchAssembler assembler,
        LearningRateSchedule schedule, int epoch, int firstStep, LossMeter meter, out int stepsDone, CancellationToken cancellationToken)
    {
        var plan = sampler.PlanEpoch(epoch);
        var image = recipe.Model.Image;
        var progress = new ProgressLine(_log, $"epoch {epoch + 1}/{recipe.Epochs}", plan.Count, firstStep);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<PreparedBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                for (var step = firstStep; step < plan.Count; step++)
                    await batches.Writer.WriteAsync(assembler.Assemble(epoch, step, plan[step], image.Height, image.Width), stop.Token).ConfigureAwait(false);
                batches.Writer.TryComplete();
            }
            catch (Exception e)
            {
                batches.Writer.TryComplete(e is OperationCanceledException ? null : e);
            }
        }, CancellationToken.None);

        stepsDone = firstStep;
        try
        {
            while (stepsDone < plan.Count)
            {
                if (cancellationToken.IsCancellationRequested || ReachedStepLimit(recipe, epoch, stepsDone, sampler))
                    return false;
                var prepared = batches.Reader.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
                using (NewDisposeScope())
                {
                    optimizer.ApplySchedule(schedule.Factor(epoch + ((double)stepsDone / plan.Count)));
                    optimizer.Adam.zero_grad();
                    var batch = prepared.ToTensors();
                    using var terms = model.ComputeLosses(batch, new Generator((ulong)StableSeed.Of(recipe.Seed, epoch, stepsDone, 1)));
                    terms.Total.backward();
                    optimizer.Adam.step();
                    meter.Add(terms);
                }
                stepsDone++;
                progress.Report(stepsDone, meter.Describe());
                StepCompleted?.Invoke(((long)epoch * sampler.BatchesPerEpoch) + stepsDone);
            }
            return true;
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // The producer was told to stop; nothing is lost, the next run rebuilds its batches.
            }
        }
    }

    private static bool ReachedStepLimit(TrainingRecipe recipe, int epoch, int step, PairSampler sampler) =>
        recipe.MaxSteps > 0 && ((long)epoch * sampler.BatchesPerEpoch) + step >= recipe.MaxSteps;

    private PersonDataset LoadDataset(TrainingRecipe recipe)
    {
        if (recipe.Dataset is null)
            throw new InvalidOperationException("The recipe names no data set ('dataset').");
        var dataset = PersonDatasetLoader.Load(recipe.Dataset);
        _log.WriteLine(dataset.Description);
        return dataset;
    }

    private ClipTokenizer LearnVocabulary(TrainingRecipe recipe, PersonDataset dataset, CancellationToken cancellationToken)
    {
        var captions = dataset.Train.SelectMany(i => i.Captions);
        var tokenizer = new BpeVocabularyBuilder(recipe.VocabularyMerges).Build(captions, cancellationToken);
        _log.WriteLine($"Learned a vocabulary of {tokenizer.VocabularySize} tokens from the training captions.");
        return tokenizer;
    }

    private ModelInputImages LoadImages(IReadOnlyList<PersonImage> images, int height, int width, string split, CancellationToken cancellationToken)
    {
        var inputs = new ModelInputImages(images, height, width, ImageCacheBudgetBytes);
        if (inputs.IsCached)
        {
            var line = new ProgressLine(_log, $"decoding {split} images", images.Count);
            inputs.Warm(new ImmediateProgress<int>(line.Report), cancellationToken);
        }
        return inputs;
    }
}
