namespace VfeTps.Stream.Preprocessing.Tests;

public sealed class ImageNormalizationTests
{
    [Fact]
    public void Clip_HasOpenAiClipStatistics()
    {
        Assert.Equal(new RgbTriplet(0.48145466f, 0.4578275f, 0.40821073f), ImageNormalization.Clip.Mean);
        Assert.Equal(new RgbTriplet(0.26862954f, 0.26130258f, 0.27577711f), ImageNormalization.Clip.StandardDeviation);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-0.5f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Constructor_RejectsAStandardDeviationThatIsNotFiniteAndPositive(float deviation)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => new ImageNormalization(new RgbTriplet(0.5f, 0.5f, 0.5f), new RgbTriplet(0.2f, deviation, 0.2f)));
        Assert.Contains("Channel 1", exception.Message);
    }

    [Fact]
    public void Constructor_RejectsANonFiniteMean()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new ImageNormalization(new RgbTriplet(0.5f, 0.5f, float.NaN), new RgbTriplet(0.2f, 0.2f, 0.2f)));
    }

    [Fact]
    public void Normalize_SubtractsTheMeanOfTheUnitScaleValueAndDividesByTheDeviation()
    {
        var normalization = new ImageNormalization(new RgbTriplet(0.5f, 0f, 1f), new RgbTriplet(0.5f, 2f, 0.25f));

        Assert.Equal(1f, normalization.Normalize(0, 255));
        Assert.Equal(-1f, normalization.Normalize(0, 0));
        Assert.Equal(0.5f, normalization.Normalize(1, 255));
        Assert.Equal(-4f, normalization.Normalize(2, 0));
    }
}
