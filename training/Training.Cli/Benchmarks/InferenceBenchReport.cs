using System.Globalization;
using System.Text;
using System.Text.Json;
using VfeTps.Stream.Evaluation;

namespace VfeTps.Stream.Training.Cli.Benchmarks;

/// <summary>Writes the inference benchmark as JSON, a Markdown table and one bar chart per configuration.</summary>
internal static class InferenceBenchReport
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static IReadOnlyList<string> Write(string directory, string machine, double matmulPeakGflops, IReadOnlyList<InferenceBenchResult> results)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var json = Path.Combine(directory, "inference-bench.json");
        File.WriteAllText(json, JsonSerializer.Serialize(new { measuredAt = DateTimeOffset.UtcNow, machine, matmulPeakGflops, results }, s_json));
        written.Add(json);

        var batches = results.SelectMany(r => r.CropsPerSecond.Keys).Distinct().Order().ToList();
        var md = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd} on {machine}; float32 matrix-multiply peak {matmulPeakGflops:F1} GFLOP/s.")
            .AppendLine()
            .Append("| config | runtime |")
            .AppendJoin("", batches.Select(b => $" crops/s, batch {b} |"))
            .AppendLine(" queries/s (batch 1) | image GFLOP/s (largest batch) | of matmul peak | peak RSS |")
            .Append("|---|---|")
            .AppendJoin("", batches.Select(_ => "---:|"))
            .AppendLine("---:|---:|---:|---:|");
        foreach (var r in results)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {r.Config} | {r.Runtime} |")
                .AppendJoin("", batches.Select(b => r.CropsPerSecond.TryGetValue(b, out var v) ? string.Create(CultureInfo.InvariantCulture, $" {v:F1} |") : " |"))
                .AppendLine(CultureInfo.InvariantCulture,
                    $" {r.QueriesPerSecond:F1} | {r.ImageGflops:F1} | {r.ShareOfMatmulPeak:P0} | {(r.PeakMemoryMiB is { } m ? $"{m:F0} MiB" : "n/a")} |");
        }
        md.AppendLine().AppendLine("Ratio ONNX Runtime / TorchSharp (crops/s per batch; queries/s):").AppendLine();
        foreach (var config in results.GroupBy(r => r.Config))
        {
            var onnx = config.FirstOrDefault(r => r.Runtime.StartsWith("ONNX", StringComparison.Ordinal));
            var torch = config.FirstOrDefault(r => r.Runtime.StartsWith("TorchSharp", StringComparison.Ordinal));
            if (onnx is null || torch is null)
                continue;
            var ratios = batches.Where(onnx.CropsPerSecond.ContainsKey).Select(b => string.Create(CultureInfo.InvariantCulture, $"batch {b}: {onnx.CropsPerSecond[b] / torch.CropsPerSecond[b]:F2}×"));
            md.AppendLine(CultureInfo.InvariantCulture, $"- {config.Key}: {string.Join(", ", ratios)}; queries: {onnx.QueriesPerSecond / torch.QueriesPerSecond:F2}×");

            var png = Path.Combine(directory, $"inference-bench-{config.Key}.png");
            var categories = batches.Select(b => $"batch {b}").ToList();
            Plots.GroupedBars(png, $"{config.Key}: image tower crops/s", categories,
                [.. config.Select(r => new BarGroup(r.Runtime, [.. batches.Select(b => r.CropsPerSecond[b])], [.. batches.Select(_ => 0.0)]))],
                "crops per second");
            written.Add(png);
        }
        var markdown = Path.Combine(directory, "inference-bench.md");
        File.WriteAllText(markdown, md.ToString());
        written.Add(markdown);
        return written;
    }
}
