using System.CommandLine;
using System.Runtime.InteropServices;
using VfeTps.Stream.Inference;
using VfeTps.Stream.SiteBench;
using VfeTps.Stream.SiteBench.ControlRoom;
using VfeTps.Stream.SiteBench.Frames;
using VfeTps.Stream.SiteBench.Pipeline;
using VfeTps.Stream.SiteBench.VectorSearch;

// vfetps-bench: the embedded site's benchmark. Run from the repository root (scripts/bench.sh does).
var output = new Option<DirectoryInfo>("--output") { Description = "Folder for site-bench.{json,md} and the plots.", DefaultValueFactory = _ => new DirectoryInfo("bench/site") };
var sizes = new Option<int[]>("--sizes") { Description = "Indexed crops for the search-latency part.", DefaultValueFactory = _ => [10_000, 100_000, 1_000_000], AllowMultipleArgumentsPerToken = true };
var dimension = new Option<int>("--dimension") { Description = "Embedding size of the synthetic vectors (128: the default model; 512: the paper's).", DefaultValueFactory = _ => 128 };
var maxCameras = new Option<int>("--max-cameras") { Description = "Stop the capacity part after this many cameras.", DefaultValueFactory = _ => 48 };
var window = new Option<int>("--window") { Description = "Measured seconds per capacity step (after a 10 s warm-up).", DefaultValueFactory = _ => 30 };
var frames = new Option<int>("--frames") { Description = "Frames timed per decoder and detector.", DefaultValueFactory = _ => 200 };
var onnxModel = new Option<FileInfo?>("--onnx-model") { Description = "A YOLO-style person model to time the onnx detector too (none ships with the project)." };
var skip = new Option<string[]>("--skip") { Description = "Parts to leave out: frames, capacity, vectors, control-room.", DefaultValueFactory = _ => [], AllowMultipleArgumentsPerToken = true };

var root = new RootCommand("Benchmarks the embedded site: decode and detection ms/frame, cameras sustained at 5 frames/s, capture-to-searchable latency, search latency at 10k/100k/1M crops, the control room's audit appends, watchlist matching and password hashing, peak memory.")
{
    output, sizes, dimension, maxCameras, window, frames, onnxModel, skip,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var progress = new Progress<string>(line => Console.WriteLine($"[bench {DateTime.Now:HH:mm:ss}] {line}"));
    var skipped = parse.GetValue(skip)!.ToHashSet(StringComparer.OrdinalIgnoreCase);
    // The demo videos are prepared only for the parts that play them.
    var sources = skipped.Contains("frames") && skipped.Contains("capacity") ? [] : await CameraCapacityBenchmark.DemoSourcesAsync(cancellationToken);

    IReadOnlyList<FrameCost> costs = [];
    if (!skipped.Contains("frames"))
    {
        var videos = sources.Select(s => s.Source).Distinct().Where(v => v.EndsWith("vtest.avi", StringComparison.Ordinal)).Append(sources[0].Source).ToList();
        costs = await FrameCostBenchmark.RunAsync(videos, parse.GetValue(frames), parse.GetValue(onnxModel)?.FullName, progress, cancellationToken);
    }

    IReadOnlyList<CameraCapacityStep> capacity = [];
    if (!skipped.Contains("capacity"))
    {
        var options = new CapacityBenchmarkOptions { MaxCameras = parse.GetValue(maxCameras), Window = TimeSpan.FromSeconds(parse.GetValue(window)) };
        capacity = await CameraCapacityBenchmark.RunAsync(sources, options, progress, cancellationToken);
    }

    var sitePeakMemory = PeakMemory.ReadMebibytes();
    ControlRoomBenchmarkResult? controlRoom = null;
    if (!skipped.Contains("control-room"))
    {
        // Before the vector part, whose million-point collections leave a large heap behind.
        controlRoom = await ControlRoomBenchmark.RunAsync(new ControlRoomBenchmarkOptions(), progress, cancellationToken);
    }

    VectorSearchBenchmarkResult? vectors = null;
    if (!skipped.Contains("vectors"))
    {
        vectors = await VectorSearchBenchmark.RunAsync(
            new VectorSearchBenchmarkOptions { Sizes = parse.GetValue(sizes)!, Dimension = parse.GetValue(dimension) }, progress, cancellationToken);
    }

    var sustained = capacity.Count == 0 ? (int?)null : capacity.Where(s => s.Sustained).Select(s => s.Cameras).DefaultIfEmpty(0).Max();
    var result = new SiteBenchResult(
        DateTimeOffset.UtcNow,
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}",
        costs,
        capacity,
        sustained,
        vectors,
        controlRoom,
        sitePeakMemory,
        PeakMemory.ReadMebibytes());
    foreach (var file in SiteBenchReport.Write(result, parse.GetValue(output)!.FullName))
    {
        Console.WriteLine($"Wrote {file}");
    }

    return 0;
});
return await root.Parse(args).InvokeAsync();
