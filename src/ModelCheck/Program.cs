using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VfeTps.Stream.Inference;
using VfeTps.Stream.ModelCheck;

// Exit codes: 0 fine, 1 the GPU disagrees with the CPU, 2 the bundle or the provider was refused.
var bundleArgument = new Argument<DirectoryInfo>("bundle") { Description = "The model bundle folder." };
var provider = new Option<ExecutionProviderPreference>("--provider")
{
    Description = "Auto (CUDA when present, else CPU), Cpu or Cuda.",
    DefaultValueFactory = _ => ExecutionProviderPreference.Auto,
};

var check = new Command("check", "Load and validate a bundle as every service does; print what it is and which execution provider it runs on.")
{
    bundleArgument, provider,
};
check.SetAction(parse => Refusals.Report(() =>
{
    using var loggers = Logging();
    using var bundle = ModelBundle.Load(parse.GetValue(bundleArgument)!.FullName, new InferenceOptions { ExecutionProvider = parse.GetValue(provider) },
        loggers.CreateLogger("vfetps-model"));
    Console.WriteLine($"{bundle.ModelVersion}: valid, embedding size {bundle.Manifest.EmbeddingSize}, running on {bundle.ExecutionProvider}.");
    foreach (var (split, metrics) in bundle.Manifest.Evaluation)
        Console.WriteLine($"  {split}: Rank-1 {metrics.Rank1:F2}, Rank-5 {metrics.Rank5:F2}, Rank-10 {metrics.Rank10:F2}, mAP {metrics.MeanAveragePrecision:F2}, mINP {metrics.MeanInverseNegativePenalty:F2}");
    return 0;
}));

var batches = new Option<int[]>("--batches") { DefaultValueFactory = _ => [1, 8, 32], AllowMultipleArgumentsPerToken = true };
batches.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int[]>() is not { Length: > 0 } sizes || sizes.Any(size => size is < 1 or > 4096))
        result.AddError("--batches takes one or more batch sizes from 1 to 4096.");
});
var seconds = new Option<double>("--seconds") { Description = "Minimum timed seconds per measurement.", DefaultValueFactory = _ => 2.0 };
var output = new Option<FileInfo?>("--output") { Description = "Also write the results as JSON here." };
var bench = new Command("bench", "Crops/s per batch size and queries/s on this machine; on CUDA also the agreement with the CPU.")
{
    bundleArgument, provider, batches, seconds, output,
};
bench.SetAction(parse => Refusals.Report(() =>
{
    using var loggers = Logging();
    var logger = loggers.CreateLogger("vfetps-model");
    var path = parse.GetValue(bundleArgument)!.FullName;
    using var bundle = ModelBundle.Load(path, new InferenceOptions { ExecutionProvider = parse.GetValue(provider) }, logger);
    using var cpu = bundle.ExecutionProvider == ExecutionProvider.Cpu
        ? null
        : ModelBundle.Load(path, new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Cpu }, logger);
    var result = EncoderThroughputBenchmark.Run(bundle, cpu, parse.GetValue(batches)!, TimeSpan.FromSeconds(parse.GetValue(seconds)), Console.Out);
    if (parse.GetValue(output) is { } file)
    {
        File.WriteAllText(file.FullName, JsonSerializer.Serialize(
            new { measuredAt = DateTimeOffset.UtcNow, cores = Environment.ProcessorCount, result },
            new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        Console.WriteLine($"Results: {file.FullName}");
    }
    return result.AgreesWithCpu == false ? 1 : 0;
}));

var root = new RootCommand("Checks a VFE-TPS model bundle on this machine.") { check, bench };
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);

static ILoggerFactory Logging() => LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
