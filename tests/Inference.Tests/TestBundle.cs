using System.Text.Json;
using System.Text.Json.Nodes;
using VfeTps.Stream.Preprocessing;

namespace VfeTps.Stream.Inference.Tests;

/// <summary>Writes small bundles with stand-in towers through <see cref="ModelBundleWriter"/>, and corrupts them.</summary>
internal static class TestBundle
{
    public const int Height = 16;
    public const int Width = 8;
    public const int EmbeddingSize = 8;
    public const int ContextLength = 32;

    public static readonly DateTimeOffset Created = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The manifest a test bundle is written with (before the writer adds the checksums).</summary>
    public static BundleManifest Manifest(string modelVersion = "stand-in-1") => new()
    {
        ModelVersion = modelVersion,
        Created = Created,
        Architecture = JsonDocument.Parse("""{"name":"stand-in","imageTower":"linear","layers":[1,2]}""").RootElement.Clone(),
        EmbeddingSize = EmbeddingSize,
        Image = new ImageTowerManifest
        {
            Height = Height,
            Width = Width,
            Mean = ImageNormalization.Clip.Mean,
            Std = ImageNormalization.Clip.StandardDeviation,
        },
        Text = new TextTowerManifest { ContextLength = ContextLength },
        Tokenizer = new TokenizerManifest { VocabularySize = TestTokenizer.Instance.VocabularySize },
        Training = JsonDocument.Parse("""{"dataSet":"synthpedes","epochs":3}""").RootElement.Clone(),
        Evaluation = new Dictionary<string, RecordedMetrics> { ["synthpedes-test"] = new(14, 30.5, 41.25, 12.5, 3.75) },
    };

    /// <summary>Writes a bundle into <paramref name="directory"/>; its sources go to a sibling folder.</summary>
    public static BundleManifest Write(string directory, TestBundleSpec? spec = null)
    {
        spec ??= new TestBundleSpec();
        var sources = WriteSources(directory + ".sources", spec);
        return ModelBundleWriter.Write(directory, Manifest(spec.ModelVersion), sources);
    }

    public static ModelBundleSources WriteSources(string directory, TestBundleSpec? spec = null)
    {
        spec ??= new TestBundleSpec();
        Directory.CreateDirectory(directory);
        var imagePath = Path.Combine(directory, "image.onnx");
        var textPath = Path.Combine(directory, "text.onnx");
        var checkpointPath = Path.Combine(directory, "model.safetensors");
        File.WriteAllBytes(imagePath, spec.ImageTowerBytes ?? ImageTowerBytes(spec));
        File.WriteAllBytes(textPath, TextTowerBytes(spec));
        File.WriteAllBytes(checkpointPath, StandInTowers.Weights(64, spec.Seed).SelectMany(BitConverter.GetBytes).ToArray());
        var tokenizer = TestTokenizer.SaveTo(Path.Combine(directory, "tokenizer"));
        return new ModelBundleSources(imagePath, textPath, tokenizer, checkpointPath);
    }

    public static byte[] ImageTowerBytes(TestBundleSpec spec) =>
        StandInTowers.Image(spec.ImageGraphHeight, Width, spec.ImageGraphEmbeddingSize, spec.Seed, spec.Image);

    public static byte[] TextTowerBytes(TestBundleSpec spec) =>
        StandInTowers.Text(TestTokenizer.Instance.VocabularySize, EmbeddingSize, spec.Seed, spec.Text);

    /// <summary>Rewrites manifest.json after <paramref name="edit"/> (the manifest carries no checksum of itself).</summary>
    public static void EditManifest(string directory, Action<JsonObject> edit)
    {
        var path = Path.Combine(directory, BundleManifest.FileName);
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Replaces a file of the bundle and fixes its checksum, so that only the content is wrong.</summary>
    public static void ReplaceFile(string directory, string relativePath, byte[] content)
    {
        File.WriteAllBytes(Path.Combine(directory, relativePath), content);
        var checksum = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        EditManifest(directory, manifest => manifest["files"]![relativePath] = checksum);
    }

    public static InferenceOptions CpuOptions(int maxBatchSize = 32) =>
        new() { ExecutionProvider = ExecutionProviderPreference.Cpu, MaxBatchSize = maxBatchSize, IntraOpThreads = 1 };

    public static ModelBundle Load(string directory, int maxBatchSize = 32) =>
        ModelBundle.Load(directory, CpuOptions(maxBatchSize));

    /// <summary>Crops of assorted sizes and content, deterministic.</summary>
    public static List<RgbImage> Crops(int count, int seed = 7)
    {
        var random = new Random(seed);
        var crops = new List<RgbImage>(count);
        for (var i = 0; i < count; i++)
        {
            var width = random.Next(4, 40);
            var height = random.Next(8, 80);
            var pixels = new byte[width * height * 3];
            random.NextBytes(pixels);
            crops.Add(new RgbImage(width, height, pixels));
        }
        return crops;
    }

    public static readonly string[] Texts =
    [
        "a woman in a red dress",
        "a man with a blue jacket and a black bag",
        "",
        "the girl wears a pink skirt and a yellow backpack while walking her dog along the street next to a white car",
        "Ünïcödé and emoji 🙂 in a caption",
        "a man in a black suit",
        "person",
    ];
}
