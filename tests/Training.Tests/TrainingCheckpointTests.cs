using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Models;
using VfeTps.Stream.Training.Weights;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Tests;

public sealed class TrainingCheckpointTests
{
    [Fact]
    public void Resume_FromACheckpoint_ContinuesExactlyLikeAnUninterruptedRun()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("epoch-1.safetensors");

        manual_seed(21);
        using var uninterrupted = new VfeTpsModel(ModelConfig.Tiny);
        using var optimizer = Optimizer(uninterrupted);
        Train(uninterrupted, optimizer, steps: 0..2);
        TrainingCheckpoint.Save(path, uninterrupted, optimizer, new Dictionary<string, string> { ["epoch"] = "1" });
        Train(uninterrupted, optimizer, steps: 2..4);

        using var resumed = TrainingCheckpoint.LoadModel(path);
        using var resumedOptimizer = Optimizer(resumed);
        TrainingCheckpoint.RestoreOptimizer(path, resumed, resumedOptimizer);
        Train(resumed, resumedOptimizer, steps: 2..4);

        Assert.Equal("1", TrainingCheckpoint.ReadMetadata(path)["epoch"]);
        var expected = uninterrupted.state_dict();
        foreach (var (name, value) in resumed.state_dict())
            Assert.True(value.allclose(expected[name], rtol: 1e-5, atol: 1e-6), $"{name} diverged after resuming");
    }

    [Fact]
    public void LoadModel_RestoresTheConfiguration()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("c.safetensors");
        var config = ModelConfig.Tiny with { TgMim = ModelConfig.Tiny.TgMim with { MaskRatio = 0.5, MaskToken = MaskTokenKind.Zero } };
        using var model = new VfeTpsModel(config);

        TrainingCheckpoint.Save(path, model);
        using var loaded = TrainingCheckpoint.LoadModel(path);

        Assert.Equal(config, loaded.Config);
    }

    [Fact]
    public void RestoreOptimizer_Refuses_ACheckpointSavedWithoutOptimizerState()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("weights-only.safetensors");
        using var model = new VfeTpsModel(ModelConfig.Tiny);
        TrainingCheckpoint.Save(path, model);
        using var optimizer = Optimizer(model);

        var error = Assert.Throws<WeightLoadException>(() => TrainingCheckpoint.RestoreOptimizer(path, model, optimizer));

        Assert.Contains("without its optimizer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadModel_Refuses_AFileThatIsNotACheckpoint()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("plain.safetensors");
        using var t = ones(2);
        SafetensorsWriter.Write(path, new Dictionary<string, Tensor> { ["w"] = t });

        var error = Assert.Throws<WeightLoadException>(() => TrainingCheckpoint.LoadModel(path));

        Assert.Contains("not a VFE-TPS training checkpoint", error.Message, StringComparison.Ordinal);
    }

    private static TorchSharp.Modules.Adam Optimizer(VfeTpsModel model) =>
        optim.Adam(model.parameters(), lr: 1e-3, weight_decay: 1e-4);

    private static void Train(VfeTpsModel model, TorchSharp.Modules.Adam optimizer, Range steps)
    {
        for (var step = steps.Start.Value; step < steps.End.Value; step++)
        {
            using var batch = TestBatches.Tiny(model.Config, 4, seed: 100 + step);
            optimizer.zero_grad();
            using var terms = model.ComputeLosses(batch.Batch, new Generator((ulong)step));
            terms.Total.backward();
            optimizer.step();
        }
    }
}
