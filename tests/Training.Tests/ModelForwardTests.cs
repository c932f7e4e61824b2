using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Models;

namespace VfeTps.Stream.Training.Tests;

public sealed class ModelForwardTests
{
    [Fact]
    public void ComputeLosses_ReturnsFiniteTerms_ForTinyModel()
    {
        using var model = new VfeTpsModel(ModelConfig.Tiny);
        using var batch = TestBatches.Tiny(model.Config, batchSize: 4, seed: 1);
        using var terms = model.ComputeLosses(batch.Batch, new TorchSharp.torch.Generator(3));
        Assert.True(float.IsFinite(terms.Total.item<float>()));
        Assert.NotNull(terms.TgMim);
        Assert.NotNull(terms.IsGvfc);
    }
}
