using VfeTps.Stream.Training.Trainer;

namespace VfeTps.Stream.Training.Tests;

public sealed class LearningRateScheduleTests
{
    private readonly LearningRateSchedule _paper = new(new OptimizerSettings(), epochs: 60);

    [Theory]
    [InlineData(0, 0.1)] // warm-up starts at 0.1×
    [InlineData(2.5, 0.55)] // halfway through the 5 warm-up epochs
    [InlineData(5, 1.0)] // warm-up done
    [InlineData(32.5, 0.5)] // halfway through the cosine: (1 + cos π/2) / 2
    [InlineData(46.25, 0.14644660940672627)] // three quarters: (1 + cos 3π/4) / 2
    [InlineData(60, 0.0)] // cosine to zero
    public void Factor_FollowsWarmupThenCosine(double epoch, double expected)
    {
        Assert.Equal(expected, _paper.Factor(epoch), 9);
    }

    [Fact]
    public void Factor_EndsAtTheFinalFactor()
    {
        var schedule = new LearningRateSchedule(new OptimizerSettings { FinalFactor = 0.01, WarmupEpochs = 1 }, epochs: 10);

        Assert.Equal(0.01, schedule.Factor(10), 9);
    }
}
