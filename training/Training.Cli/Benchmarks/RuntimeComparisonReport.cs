using System.Globalization;
using System.Text;
using System.Text.Json;
using VfeTps.Stream.Evaluation;

namespace VfeTps.Stream.Training.Cli.Benchmarks;

/// <summary>Writes the runtime comparison as JSON, a Markdown table and one bar chart per configuration.</summary>
internal static class RuntimeComparisonReport
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static IReadOnlyList<string> Write(string directory, string machine, double matmulPeakGflops, IReadOnlyList<RuntimeComparisonResult> results)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var json = Path.Combine(directory, "inference-bench.json");
        File.WriteAllText(json, JsonSerializer.Serialize(new { measuredAt = DateTimeOffset.UtcNow, machine, matmulPeakGflops, results }, s_json));
        written.Add(json);

        var batches = results.SelectMany(r => r.CropsPerSecond.Keys).Distinct().Order().ToList();
        var md = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd} on {machine}; the CPU peak used below is the faster, {matmulPeakGflops:F1} GFLOP/s.")
            .AppendLine()
            .Append("| config | runtime | threads |")
            .AppendJoin("", batches.Select(b => $" crops/s, batch {b} |"))
            .AppendLine(" queries/s (batch 1) | image GFLOP/s (largest batch) | of CPU matmul peak | memory growth |")
            .Append("|---|---|---:|")
            .AppendJoin("", batches.Select(_ => "---:|"))
            .AppendLine("---:|---:|---:|---:|");
        foreach (var r in results)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {r.Config} | {r.Runtime} | {r.Threads} |")
                .AppendJoin("", batches.Select(b => r.CropsPerSecond.TryGetValue(b, out var v) ? string.Create(CultureInfo.InvariantCulture, $" {v:F1} |") : " |"))
                .AppendLine(CultureInfo.InvariantCulture,
                    $" {r.QueriesPerSecond:F1} | {r.ImageGflops:F1} | {(r.ShareOfMatmulPeak is { } share ? share.ToString("P0", CultureInfo.InvariantCulture) : "n/a")} | {(r.MemoryGrowthMiB is { } m ? $"{m:F0} MiB" : "n/a")} |");
        }
        md.AppendLine()
            .AppendLine("Throughput of the towers alone on preprocessed inputs (no decoding, resizing or tokenising). GFLOP/s counts the ONNX graph's matrix products.")
            .AppendLine("Memory growth: rise of the process's peak resident memory during that runtime's measurements.")
            .AppendLine()
            .AppendLine("Ratio ONNX Runtime / TorchSharp, CPU against CPU (crops/s per batch; queries/s):")
            .AppendLine();
        foreach (var config in results.GroupBy(r => r.Config))
        {
            var onnx = config.FirstOrDefault(r => r.Runtime.StartsWith("ONNX", StringComparison.Ordinal));
            var torch = config.FirstOrDefault(r => r.Runtime.StartsWith("TorchSharp", StringComparison.Ordinal));
            if (onnx is not null && torch is not null)
            {
                if (onnx.OnCpu)
                {
                    var ratios = batches.Where(onnx.CropsPerSecond.ContainsKey).Select(b => string.Create(CultureInfo.InvariantCulture, $"batch {b}: {onnx.CropsPerSecond[b] / torch.CropsPerSecond[b]:F2}×"));
                    md.AppendLine(CultureInfo.InvariantCulture, $"- {config.Key}: {string.Join(", ", ratios)}; queries: {onnx.QueriesPerSecond / torch.QueriesPerSecond:F2}×");
                }
                else
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"- {config.Key}: no ratio (ONNX Runtime ran on the GPU, TorchSharp on the CPU).");
                }
            }

            var png = Path.Combine(directory, $"inference-bench-{config.Key}.png");
            Plots.GroupedBars(png, $"{config.Key}: image tower crops/s", [.. batches.Select(b => $"batch {b}")],
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
