using System.CommandLine;
using VfeTps.Stream.Training.Cli.Benchmarks;
using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Native;

namespace VfeTps.Stream.Training.Cli.Commands;

/// <summary><c>vfetps-train bench</c>: training-step and inference timings per configuration.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--output")
        {
            Description = "Folder for model-bench.json and model-bench.md.",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("training", "bench")),
        };
        var configs = new Option<string[]>("--configs")
        {
            Description = "Configurations to measure, with their training batch sizes (name:batch).",
            DefaultValueFactory = _ => ["tiny:32", "paper:8"],
            AllowMultipleArgumentsPerToken = true,
        };
        var iterations = new Option<int>("--iterations")
        {
            Description = "Timed repetitions per measurement (after one warm-up).",
            DefaultValueFactory = _ => 5,
        };
        var command = new Command("bench", "Time forward+backward per batch, peak memory, and batch-1 inference per image and per query.")
        {
            output,
            configs,
            iterations,
        };
        command.SetAction(parse =>
        {
            TorchRuntime.EnsureLoaded();
            var cases = parse.GetValue(configs)!.Select(ParseCase).ToList();
            var results = cases.Select(c => ModelBenchmark.Run(c.Config, c.Batch, parse.GetValue(iterations), Console.Out)).ToList();
            var written = ModelBenchReport.Write(parse.GetValue(output)!.FullName, results);
            Console.WriteLine($"Results: {string.Join(", ", written)}");
            return 0;
        });
        return command;
    }

    private static (ModelConfig Config, int Batch) ParseCase(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], out var batch) || batch < 2)
            throw new ArgumentException($"'{text}' is not name:batch with a batch of at least 2 (for example tiny:32).");
        return (ModelConfig.ByName(parts[0]), batch);
    }
}
