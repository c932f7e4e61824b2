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
        var destination = Path.GetFullPath(request.Destination);
        if (Directory.Exists(destination) && Directory.EnumerateFileSystemEntries(destination).Any())
            throw new IOException($"'{destination}' already exists and is not empty; a published model version is never overwritten.");
        var staging = destination + ".staging-" + Guid.NewGuid().ToString("N")[..8];
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
            var towers = TowerExport.Write(model, staging, request.ModelVersion);
            var checkpoint = Path.Combine(staging, BundleManifest.DefaultCheckpoint);
            TrainingCheckpoint.Save(checkpoint, model); // weights only: the optimizer state stays with the run

            var parity = CheckParity(model, tokenizer, towers);
            log.WriteLine($"parity: image {parity.Image}; text {parity.Text}");
            if (!parity.Image.Passes || !parity.Text.Passes)
                throw new InvalidOperationException($"ONNX Runtime does not reproduce TorchSharp: image {parity.Image}; text {parity.Text}.");

            var manifest = new BundleManifest
            {
                ModelVersion = request.ModelVersion,
                Created = DateTimeOffset.UtcNow,
                Architecture = JsonDocument.Parse(ModelConfigJson.Serialize(model.Config)).RootElement.Clone(),
                EmbeddingSize = model.Config.EmbeddingSize,
                Image = new ImageTowerManifest
                {
                    Input = TowerGraphNames.Pixels,
                    Output = TowerGraphNames.Embedding,
                    Height = model.Config.Image.Height,
                    Width = model.Config.Image.Width,
                    Mean = ImageNormalization.Clip.Mean,
                    Std = ImageNormalization.Clip.StandardDeviation,
                },
                Text = new TextTowerManifest
                {
                    Input = TowerGraphNames.TokenIds,
                    Output = TowerGraphNames.Embedding,
                    ContextLength = model.Config.Text.ContextLength,
                },
                Tokenizer = new TokenizerManifest { VocabularySize = tokenizer.VocabularySize },
                Training = TrainingSection(request, parity),
                Evaluation = request.Evaluation,
            };
            ModelBundleWriter.Write(destination, manifest, new ModelBundleSources(
                towers.ImagePath, towers.TextPath, TokenizerFiles.Locate(request.TokenizerDirectory), checkpoint));

            log.WriteLine("loading the bundle as a service would…");
            using (var bundle = ModelBundle.Load(destination, new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Cpu }))
                log.WriteLine($"published {bundle.ModelVersion}: {destination}");
            return new PublishedModel(destination, request.ModelVersion, parity.Image, parity.Text);
        }
        catch
        {
            if (Directory.Exists(destination))
                Directory.Delete(destination, recursive: true);
            throw;
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
    }

    private static (ParityResult Image, ParityResult Text) CheckParity(Training.Models.VfeTpsModel model, ClipTokenizer tokenizer, ExportedTowers towers)
    {
        var config = model.Config;
        var generator = new Generator(20261128);
        using var pixels = randn([ProbeBatch, 3, config.Image.Height, config.Image.Width], generator: generator);
        var image = TowerParity.CompareImages(model, towers.ImagePath, pixels.data<float>().ToArray(), ProbeBatch);
        string[] captions =
        [
            "a man in a red jacket and blue jeans with a black backpack",
            "a woman wearing a white skirt, a green top and brown shoes",
            "the person has short dark hair and carries a yellow handbag",
            "someone in a grey coat",
            "a tall woman with long blonde hair in a striped shirt and black trousers",
            "a child in shorts",
            "a pedestrian with a blue cap, an orange t-shirt and white sneakers, walking fast",
            "person",
        ];
        var tokens = new long[captions.Length * config.Text.ContextLength];
        tokenizer.TokenizeBatch(captions, tokens, config.Text.ContextLength);
        var text = TowerParity.CompareTexts(model, towers.TextPath, tokens, captions.Length);
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
