using System.Text.Json;

namespace VfeTps.Stream.Evaluation.Tests;

public sealed class AblationTableTests
{
    private const int Precision = 9;

    // Baseline, three seeds: Rank-1 60, 62, 64 → mean 62, sample std √((4 + 0 + 4)/2) = 2.
    // mAP 50, 51, 52 → mean 51, std √((1 + 0 + 1)/2) = 1. Seconds per epoch 10, 12, 14 → 12 ± 2.
    // Silhouette 0.1, 0.2, 0.3 → 0.2 ± 0.1. Every other metric is constant → std 0.
    private static readonly AblationRun Baseline = new("CMPM", [
        new AblationSeedResult(1, Metrics(rank1: 60, map: 50), Silhouette: 0.1, SecondsPerEpoch: 10),
        new AblationSeedResult(2, Metrics(rank1: 62, map: 51), Silhouette: 0.2, SecondsPerEpoch: 12),
        new AblationSeedResult(3, Metrics(rank1: 64, map: 52), Silhouette: 0.3, SecondsPerEpoch: 14),
    ]);

    // One seed: the mean is the value, the standard deviation is undefined (null).
    private static readonly AblationRun Full = new("CMPM + TG-MIM + IS-GVFC", [
        new AblationSeedResult(1, Metrics(rank1: 70, map: 60), Silhouette: 0.4, SecondsPerEpoch: 20),
    ]);

    [Fact]
    public void Summaries_AreMeanAndSampleStandardDeviation()
    {
        var table = new AblationTable([Baseline, Full]);

        var baseline = table.Summaries[0];
        Assert.Equal([1, 2, 3], baseline.Seeds);
        Assert.Equal(62.0, baseline.Rank1.Mean, Precision);
        Assert.Equal(2.0, baseline.Rank1.StandardDeviation!.Value, Precision);
        Assert.Equal(51.0, baseline.MeanAveragePrecision.Mean, Precision);
        Assert.Equal(1.0, baseline.MeanAveragePrecision.StandardDeviation!.Value, Precision);
        Assert.Equal(0.0, baseline.Rank5.StandardDeviation!.Value, Precision);
        Assert.Equal(0.2, baseline.Silhouette!.Mean, Precision);
        Assert.Equal(0.1, baseline.Silhouette.StandardDeviation!.Value, Precision);
        Assert.Equal(12.0, baseline.SecondsPerEpoch!.Mean, Precision);
        Assert.Equal(2.0, baseline.SecondsPerEpoch.StandardDeviation!.Value, Precision);

        var full = table.Summaries[1];
        Assert.Equal(new MetricSummary(70.0, null, 1), full.Rank1);
    }

    [Fact]
    public void Markdown_OneRowPerRunWithMeanPlusMinusStd()
    {
        var markdown = new AblationTable([Baseline, Full]).ToMarkdown("Ablation");

        Assert.Contains(
            "| Run | Seeds | Rank-1 (%) | Rank-5 (%) | Rank-10 (%) | mAP (%) | mINP (%) | Silhouette | s / epoch |",
            markdown,
            StringComparison.Ordinal);
        Assert.Contains(
            "| CMPM | 3 | 62.00 ± 2.00 | 80.00 ± 0.00 | 90.00 ± 0.00 | 51.00 ± 1.00 | 30.00 ± 0.00 | 0.2000 ± 0.1000 | 12.0 ± 2.0 |",
            markdown,
            StringComparison.Ordinal);
        Assert.Contains(
            "| CMPM + TG-MIM + IS-GVFC | 1 | 70.00 | 80.00 | 90.00 | 60.00 | 30.00 | 0.4000 | 20.0 |",
            markdown,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_WithoutSilhouetteOrTiming_LeavesThoseColumnsOut()
    {
        var run = new AblationRun("plain", [new AblationSeedResult(1, Metrics(rank1: 50, map: 40))]);

        var markdown = new AblationTable([run]).ToMarkdown("t");

        Assert.Contains("| Run | Seeds | Rank-1 (%) | Rank-5 (%) | Rank-10 (%) | mAP (%) | mINP (%) |\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_JsonHasSummariesAndRawSeeds()
    {
        using var temp = new TempDirectory();

        var files = new AblationTable([Baseline, Full]).Write(temp.FullPath, "ablation");

        using var json = JsonDocument.Parse(File.ReadAllText(files.JsonPath));
        var summary = json.RootElement.GetProperty("summaries")[0];
        Assert.Equal("CMPM", summary.GetProperty("name").GetString());
        Assert.Equal(62.0, summary.GetProperty("rank1").GetProperty("mean").GetDouble(), Precision);
        Assert.Equal(2.0, summary.GetProperty("rank1").GetProperty("standardDeviation").GetDouble(), Precision);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("summaries")[1].GetProperty("rank1").GetProperty("standardDeviation").ValueKind);
        Assert.Equal(3, json.RootElement.GetProperty("runs")[0].GetProperty("seeds").GetArrayLength());
        Assert.True(File.Exists(files.MarkdownPath));
    }

    [Fact]
    public void ToBarGroups_GivesMeansAndStdsInMetricOrder_ZeroStdForOneSeed()
    {
        var groups = new AblationTable([Baseline, Full]).ToBarGroups();

        Assert.Equal(["Rank-1", "Rank-5", "Rank-10", "mAP", "mINP"], AblationTable.RetrievalMetricNames);
        Assert.Equal("CMPM", groups[0].Name);
        Assert.Equal([62.0, 80.0, 90.0, 51.0, 30.0], groups[0].Means);
        Assert.Equal([2.0, 0.0, 0.0, 1.0, 0.0], groups[0].StandardDeviations);
        Assert.Equal([0.0, 0.0, 0.0, 0.0, 0.0], groups[1].StandardDeviations);
    }

    [Fact]
    public void SilhouetteForSomeSeedsOnly_Throws()
    {
        var run = new AblationRun("mixed", [
            new AblationSeedResult(1, Metrics(rank1: 50, map: 40), Silhouette: 0.1),
            new AblationSeedResult(2, Metrics(rank1: 50, map: 40)),
        ]);

        var error = Assert.Throws<ArgumentException>(() => new AblationTable([run]));

        Assert.Contains("silhouette for 1 of its 2 seeds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateRunNamesOrSeeds_OrNoSeeds_Throw()
    {
        Assert.Throws<ArgumentException>(() => new AblationTable([Baseline, Baseline]));
        Assert.Throws<ArgumentException>(() => new AblationTable([new AblationRun("twice", [Baseline.Seeds[0], Baseline.Seeds[0]])]));
        Assert.Throws<ArgumentException>(() => new AblationTable([new AblationRun("none", [])]));
        Assert.Throws<ArgumentException>(() => new AblationTable([]));
    }

    private static RetrievalMetrics Metrics(double rank1, double map) =>
        new(rank1, 80, 90, map, 30, QueryCount: 100, GalleryCount: 50);
}
