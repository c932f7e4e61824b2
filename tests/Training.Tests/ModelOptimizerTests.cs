using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Models;
using VfeTps.Stream.Training.Trainer;

namespace VfeTps.Stream.Training.Tests;

public sealed class ModelOptimizerTests
{
    private static readonly OptimizerSettings s_settings = new();

    [Theory]
    [InlineData("visual.transformer.resblocks.0.attn.in_proj_weight", 1, 4e-5)]
    [InlineData("visual.transformer.resblocks.0.attn.in_proj_bias", 2, 0)]
    [InlineData("text.ln_final.bias", 2, 0)]
    [InlineData("tgmim.cross_attn.in_proj_weight", 5, 4e-5)]
    [InlineData("tgmim.pixel_head.bias", 2, 0)]
    [InlineData("id_head.weight", 5, 4e-5)]
    [InlineData("visual.mask_token", 1, 4e-5)]
    public void Classify_FollowsTheReferenceCodesGroups(string name, double factor, double weightDecay)
    {
        Assert.Equal((factor, weightDecay), ModelOptimizer.Classify(name, s_settings));
    }

    [Fact]
    public void ApplySchedule_SetsEachGroupToBaseTimesScheduleTimesItsFactor()
    {
        using var model = new VfeTpsModel(ModelConfig.Tiny);
        using var optimizer = new ModelOptimizer(model, s_settings with { LearningRate = 1e-4 });

        optimizer.ApplySchedule(0.5);

        var rates = optimizer.Adam.ParamGroups.Select(g => g.LearningRate).Order().ToArray();
        Assert.Equal([0.5e-4, 1e-4, 2.5e-4], rates, new ToleranceComparer(1e-12));
        Assert.Equal(model.parameters().Count(), optimizer.Adam.parameters().Count());
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
