using System.Globalization;
using System.Text;
using System.Text.Json;

namespace VfeTps.Stream.Training.Cli.Benchmarks;

/// <summary>Writes benchmark results as JSON (for tools) and a Markdown table (for the model card).</summary>
internal static class ModelBenchReport
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<ModelBenchResult> results)
    {
        Directory.CreateDirectory(directory);
        var machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, libtorch {TorchSharp.torch.__version__}";
        var json = Path.Combine(directory, "model-bench.json");
        File.WriteAllText(json, JsonSerializer.Serialize(new { measuredAt = DateTimeOffset.UtcNow, machine, results }, s_json));

        var md = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd} on {machine} (CPU).")
            .AppendLine()
            .AppendLine("| config | image tower params | text tower params | training-only params | train batch | train step (fwd+bwd+Adam) | peak RSS | image, batch 1 | query, batch 1 |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Config} | {r.ImageTowerParameters:N0} | {r.TextTowerParameters:N0} | {r.TrainingOnlyParameters:N0} | {r.TrainingBatch} | {r.TrainStepMs:F0} ms | {(r.TrainPeakMemoryMiB is { } m ? $"{m:F0} MiB" : "n/a")} | {r.ImageInferenceMs:F1} ms | {r.QueryInferenceMs:F1} ms |");
        }
        var markdown = Path.Combine(directory, "model-bench.md");
        File.WriteAllText(markdown, md.ToString());
        return [json, markdown];
    }
}
