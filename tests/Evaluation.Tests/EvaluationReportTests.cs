using System.Text.Json;

namespace VfeTps.Stream.Evaluation.Tests;

public sealed class EvaluationReportTests
{
    private static readonly RetrievalMetrics Metrics = new(61.25, 80.5, 87.126, 55.0, 40.75, QueryCount: 6156, GalleryCount: 3074);

    [Fact]
    public void Write_JsonIsCamelCaseWithEveryMetricAndSortedContext()
    {
        using var temp = new TempDirectory();

        var files = EvaluationReport.Write(
            temp.PathOf("reports"), "test-set", Metrics, silhouette: 0.3125,
            context: new Dictionary<string, string> { ["seed"] = "1", ["checkpoint"] = "epoch-60" });

        Assert.Equal(temp.PathOf("reports/test-set.json"), files.JsonPath);
        using var json = JsonDocument.Parse(File.ReadAllText(files.JsonPath));
        var root = json.RootElement;
        Assert.Equal("test-set", root.GetProperty("name").GetString());
        var metrics = root.GetProperty("metrics");
        Assert.Equal(61.25, metrics.GetProperty("rank1").GetDouble());
        Assert.Equal(80.5, metrics.GetProperty("rank5").GetDouble());
        Assert.Equal(87.126, metrics.GetProperty("rank10").GetDouble());
        Assert.Equal(55.0, metrics.GetProperty("meanAveragePrecision").GetDouble());
        Assert.Equal(40.75, metrics.GetProperty("meanInverseNegativePenalty").GetDouble());
        Assert.Equal(6156, metrics.GetProperty("queryCount").GetInt32());
        Assert.Equal(3074, metrics.GetProperty("galleryCount").GetInt32());
        Assert.Equal(0.3125, root.GetProperty("silhouette").GetDouble());
        Assert.Equal(["checkpoint", "seed"], root.GetProperty("context").EnumerateObject().Select(static p => p.Name));
    }

    [Fact]
    public void Write_MarkdownTableHasTheRoundedMetricsAndCounts()
    {
        using var temp = new TempDirectory();

        var files = EvaluationReport.Write(temp.FullPath, "val", Metrics, silhouette: 0.3125);

        var markdown = File.ReadAllText(files.MarkdownPath);
        Assert.StartsWith("# val\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Rank-1 (%) | 61.25 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Rank-10 (%) | 87.13 |", markdown, StringComparison.Ordinal); // two decimals
        Assert.Contains("| mAP (%) | 55.00 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| mINP (%) | 40.75 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Silhouette | 0.3125 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Queries | 6156 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Gallery images | 3074 |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Context", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WithoutSilhouette_JsonHasNullAndMarkdownOmitsTheRow()
    {
        using var temp = new TempDirectory();

        var files = EvaluationReport.Write(temp.FullPath, "val", Metrics);

        using var json = JsonDocument.Parse(File.ReadAllText(files.JsonPath));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("silhouette").ValueKind);
        Assert.DoesNotContain("Silhouette", File.ReadAllText(files.MarkdownPath), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ContextValueWithPipe_IsEscapedInMarkdown()
    {
        using var temp = new TempDirectory();

        var files = EvaluationReport.Write(
            temp.FullPath, "val", Metrics, context: new Dictionary<string, string> { ["losses"] = "cmpm|tgmim" });

        Assert.Contains("| losses | cmpm\\|tgmim |", File.ReadAllText(files.MarkdownPath), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RoundTripsWhatWriteWrote()
    {
        using var temp = new TempDirectory();
        var files = EvaluationReport.Write(
            temp.FullPath, "val", Metrics, 0.5, new Dictionary<string, string> { ["seed"] = "3" });

        var document = EvaluationReport.Read(files.JsonPath);

        Assert.Equal("val", document.Name);
        Assert.Equal(Metrics, document.Metrics);
        Assert.Equal(0.5, document.Silhouette);
        Assert.Equal("3", document.Context["seed"]);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData(" ")]
    public void Write_NameThatIsNotAPlainFileName_Throws(string name)
    {
        using var temp = new TempDirectory();

        Assert.ThrowsAny<ArgumentException>(() => EvaluationReport.Write(temp.FullPath, name, Metrics));
    }
}
