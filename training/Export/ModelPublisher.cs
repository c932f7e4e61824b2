using System.Text.Json;
using VfeTps.Stream.Inference;
using VfeTps.Stream.Preprocessing;
using VfeTps.Stream.Tokenizer;
using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Weights;
using static TorchSharp.torch;

namespace VfeTps.Stream.Export;

/// <summary>
/// Turns a training checkpoint into a model bundle that serving can load: exports both towers,
/// proves ONNX Runtime parity with TorchSharp on probe inputs, writes the bundle (weights-only
/// checkpoint, tokenizer, manifest with checksums and metrics), then loads it back through the same
/// loader every service uses. Nothing is left at the destination unless all of that succeeded.
/// </summary>
public static class ModelPublisher
{
    private const int ProbeBatch = 8;
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static PublishedModel Publish(PublishRequest request, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        var destination = Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.Destination));
        RequireFreeDestination(destination);
        // Everything happens in a sibling staging folder; only a bundle that loaded back is moved
        // into place (a rename on the same file system), so no one ever sees a half-checked one.
        var staging = destination + ".staging-" + Guid.NewGuid().ToString("N")[..8];
        var exported = Path.Combine(staging, "export");
        var bundleFolder = Path.Combine(staging, "bundle");
        try
        {
            using var model = TrainingCheckpoint.LoadModel(request.Checkpoint);
            model.eval();
            var tokenizer = ClipTokenizer.Load(request.TokenizerDirectory);
            if (tokenizer.VocabularySize != model.Config.Text.VocabularySize)
            {
                throw new InvalidOperationException(
                    $"The tokenizer in '{request.TokenizerDirectory}' has {tokenizer.VocabularySize} tokens but the model's text tower expects {model.Config.Text.VocabularySize}.");
            }

            log.WriteLine($"exporting {model.Config.Name} towers of {request.Checkpoint}…");
            var towers = TowerExport.Write(model, exported, request.ModelVersion);
            var checkpoint = Path.Combine(exported, BundleManifest.DefaultCheckpoint);
            TrainingCheckpoint.Save(checkpoint, model); // weights only: the optimizer state stays with the run

            var parity = CheckParity(model, tokenizer, towers);
            log.WriteLine($"parity: image {parity.Image}; text {parity.Text}");
            if (!parity.Image.Passes || !parity.Text.Passes)
                throw new InvalidOperationException($"ONNX Runtime does not reproduce TorchSharp: image {parity.Image}; text {parity.Text}.");

            ModelBundleWriter.Write(bundleFolder, Manifest(request, model.Config, tokenizer, parity), new ModelBundleSources(
                towers.ImagePath, towers.TextPath, TokenizerFiles.Locate(request.TokenizerDirectory), checkpoint));
            log.WriteLine("loading the bundle as a service would…");
            new ModelBundleLoader(new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Cpu }).Load(bundleFolder).Dispose();

            RequireFreeDestination(destination);
            if (Directory.Exists(destination))
                Directory.Delete(destination); // empty, checked just above; Move needs the name free
            Directory.Move(bundleFolder, destination);
            log.WriteLine($"published {request.ModelVersion}: {destination}");
            return new PublishedModel(destination, request.ModelVersion, parity.Image, parity.Text);
        }
        finally
        {
            DeleteQuietly(staging);
        }
    }

    private static BundleManifest Manifest(PublishRequest request, ModelConfig config, ClipTokenizer tokenizer, (ParityResult Image, ParityResult Text) parity) => new()
    {
        ModelVersion = request.ModelVersion,
        Created = DateTimeOffset.UtcNow,
        Architecture = JsonDocument.Parse(ModelConfigJson.Serialize(config)).RootElement.Clone(),
        EmbeddingSize = config.EmbeddingSize,
        Image = new ImageTowerManifest
        {
            Input = TowerGraphNames.Pixels,
            Output = TowerGraphNames.Embedding,
            Height = config.Image.Height,
            Width = config.Image.Width,
            Mean = ImageNormalization.Clip.Mean,
            Std = ImageNormalization.Clip.StandardDeviation,
        },
        Text = new TextTowerManifest
        {
            Input = TowerGraphNames.TokenIds,
            Output = TowerGraphNames.Embedding,
            ContextLength = config.Text.ContextLength,
        },
        Tokenizer = new TokenizerManifest { VocabularySize = tokenizer.VocabularySize },
        Training = TrainingSection(request, parity),
        Evaluation = request.Evaluation,
    };

    private static void RequireFreeDestination(string destination)
    {
        if (File.Exists(destination) || (Directory.Exists(destination) && Directory.EnumerateFileSystemEntries(destination).Any()))
            throw new IOException($"'{destination}' already exists and is not empty; a published model version is never overwritten.");
    }

    // Clean-up must never hide the error that made it necessary.
    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static (ParityResult Image, ParityResult Text) CheckParity(Training.Models.VfeTpsModel model, ClipTokenizer tokenizer, ExportedTowers towers)
    {
        var config = model.Config;
        var generator = new Generator(20261128);
        using var pixels = randn([ProbeBatch, 3, config.Image.Height, config.Image.Width], generator: generator);
        var image = TowerParity.CompareImages(model, towers.ImagePath, pixels.data<float>().ToArray(), ProbeBatch);
        var captions = ProbeTexts.All;
        var tokens = new long[captions.Count * config.Text.ContextLength];
        tokenizer.TokenizeBatch(captions, tokens, config.Text.ContextLength);
        var text = TowerParity.CompareTexts(model, towers.TextPath, tokens, captions.Count);
        return (image, text);
    }

    private static JsonElement TrainingSection(PublishRequest request, (ParityResult Image, ParityResult Text) parity)
    {
        var section = new Dictionary<string, object?>(request.Training, StringComparer.Ordinal)
        {
            ["exportParity"] = new Dictionary<string, object>
            {
                ["imageMaxAbsDifference"] = parity.Image.MaxAbsDifference,
                ["imageMinCosine"] = parity.Image.MinCosine,
                ["textMaxAbsDifference"] = parity.Text.MaxAbsDifference,
                ["textMinCosine"] = parity.Text.MinCosine,
            },
        };
        return JsonSerializer.SerializeToElement(section, s_json);
    }
}
