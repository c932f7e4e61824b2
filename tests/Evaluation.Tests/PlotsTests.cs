using System.Buffers.Binary;

namespace VfeTps.Stream.Evaluation.Tests;

public sealed class PlotsTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Lines_WritesAPngOfTheRequestedSize_CreatingTheFolder()
    {
        using var temp = new TempDirectory();
        var path = temp.PathOf("curves/loss.png");

        Plots.Lines(path, "Training losses", "epoch", "loss", [
            new PlotSeries("CMPM", [1, 2, 3, 4], [5.2, 3.1, 2.4, 2.0]),
            new PlotSeries("TG-MIM", [1, 2, 3, 4], [1.0, 0.8, 0.7, 0.65]),
        ], width: 640, height: 400);

        AssertPng(path, 640, 400);
    }

    [Fact]
    public void Projection_WritesAPng()
    {
        using var temp = new TempDirectory();
        var path = temp.PathOf("tsne.png");

        Plots.Projection(path, "t-SNE", [new(0, 0), new(1, 1), new(5, 5), new(6, 5)], [3, 3, 8, 8], width: 500, height: 500);

        AssertPng(path, 500, 500);
    }

    [Fact]
    public void GroupedBars_WritesAPng()
    {
        using var temp = new TempDirectory();
        var path = temp.PathOf("ablation.png");

        Plots.GroupedBars(path, "Ablation", ["Rank-1", "mAP"], [
            new BarGroup("CMPM", [62, 51], [2, 1]),
            new BarGroup("+ TG-MIM", [65, 54], [0.5, 0]),
        ], yLabel: "%", width: 700, height: 450);

        AssertPng(path, 700, 450);
    }

    [Fact]
    public void Lines_NoSeries_ThrowsAndWritesNothing()
    {
        using var temp = new TempDirectory();
        var path = temp.PathOf("empty.png");

        var error = Assert.Throws<ArgumentException>(() => Plots.Lines(path, "t", "x", "y", []));

        Assert.Contains("at least one series", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Lines_SeriesWithoutPoints_ThrowsNamingIt()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<ArgumentException>(() => Plots.Lines(
            temp.PathOf("a.png"), "t", "x", "y", [new PlotSeries("mAP", [], [])]));

        Assert.Contains("'mAP' has no points", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_UnequalLengthsOrNaN_Throw()
    {
        using var temp = new TempDirectory();

        Assert.Throws<ArgumentException>(() => Plots.Lines(temp.PathOf("a.png"), "t", "x", "y", [new PlotSeries("s", [1, 2], [1])]));
        Assert.Throws<ArgumentException>(() => Plots.Lines(temp.PathOf("a.png"), "t", "x", "y", [new PlotSeries("s", [1], [double.NaN])]));
    }

    [Fact]
    public void Projection_LabelCountMismatch_Throws()
    {
        using var temp = new TempDirectory();

        Assert.Throws<ArgumentException>(() => Plots.Projection(temp.PathOf("p.png"), "t", [new(0, 0), new(1, 1)], [1]));
    }

    [Fact]
    public void GroupedBars_GroupWithWrongValueCountOrNegativeStd_Throws()
    {
        using var temp = new TempDirectory();

        Assert.Throws<ArgumentException>(() => Plots.GroupedBars(
            temp.PathOf("b.png"), "t", ["a", "b"], [new BarGroup("g", [1], [0])]));
        Assert.Throws<ArgumentException>(() => Plots.GroupedBars(
            temp.PathOf("b.png"), "t", ["a"], [new BarGroup("g", [1], [-1])]));
        Assert.Throws<ArgumentException>(() => Plots.GroupedBars(temp.PathOf("b.png"), "t", ["a"], []));
    }

    /// <summary>PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers at bytes 16 and 20.</summary>
    private static void AssertPng(string path, int width, int height)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 24, $"{path} has only {bytes.Length} bytes.");
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }
}
