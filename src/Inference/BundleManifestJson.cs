using System.Globalization;
using System.Text;
using System.Text.Json;
using VfeTps.Stream.Preprocessing;

namespace VfeTps.Stream.Inference;

/// <summary>
/// Reads and writes <c>manifest.json</c>: camelCase, indented, fields in a fixed order. Reading is
/// strict: an unknown schema version, a missing required field, a size that is not positive or
/// exceeds its limit (<see cref="BundleManifest.MaxImageSide"/> and the other <c>Max…</c>), a mean or std
/// that is not three finite numbers (std positive), a checksum that is not SHA-256 hex or a path
/// that leaves the bundle folder refuses the manifest with a <see cref="ModelBundleException"/>
/// naming every such field. Unknown fields are ignored: they cannot change how the model is served.
/// </summary>
public static class BundleManifestJson
{
    private const double MaxPercent = 100;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>Reads the manifest file at <paramref name="path"/>.</summary>
    /// <exception cref="ModelBundleException">The file is missing, unreadable or invalid.</exception>
    public static BundleManifest Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var bundleDirectory = Path.GetDirectoryName(Path.GetFullPath(path));
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ModelBundleException(bundleDirectory, BundleCheckStage.Manifest, [$"{BundleManifest.FileName} is missing (no file '{path}')."], error);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ModelBundleException(bundleDirectory, BundleCheckStage.Manifest, [$"{BundleManifest.FileName} could not be read: {error.Message}"], error);
        }
        return Parse(bytes, bundleDirectory);
    }

    /// <summary>Parses manifest JSON text.</summary>
    /// <exception cref="ModelBundleException">The text is not valid JSON or a field is invalid.</exception>
    public static BundleManifest Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), bundleDirectory: null);
    }

    /// <summary>The manifest as indented JSON (UTF-8 without BOM when written to a file).</summary>
    public static string Serialize(BundleManifest manifest) => Encoding.UTF8.GetString(SerializeToUtf8Bytes(manifest));

    /// <summary>The manifest as indented UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes(BundleManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            WriteManifest(writer, manifest);
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    internal static BundleManifest Parse(ReadOnlyMemory<byte> json, string? bundleDirectory)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException error)
        {
            throw new ModelBundleException(bundleDirectory, BundleCheckStage.Manifest, [$"{BundleManifest.FileName} is not valid JSON: {error.Message}"], error);
        }

        using (document)
        {
            var problems = new List<string>();
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                problems.Add($"{BundleManifest.FileName} must hold a JSON object (got {ManifestSection.Describe(document.RootElement)}).");
            else if (ReadManifest(new ManifestSection(document.RootElement, "", problems)) is { } manifest && problems.Count == 0)
                return manifest;
            throw new ModelBundleException(bundleDirectory, BundleCheckStage.Manifest, problems);
        }
    }

    private static BundleManifest? ReadManifest(ManifestSection root)
    {
        var schemaVersion = root.RequiredInt("schemaVersion", 1);
        if (schemaVersion is null)
            return null;
        if (schemaVersion != BundleManifest.CurrentSchemaVersion)
        {
            // Another layout may give the same names other meanings: read nothing else.
            root.Problem($"schemaVersion {schemaVersion} is not supported; this library reads schema version {BundleManifest.CurrentSchemaVersion}.");
            return null;
        }

        var modelVersion = root.RequiredString("modelVersion");
        var created = root.RequiredTimestamp("created");
        var architecture = FreeForm(root, "architecture");
        var embeddingSize = root.RequiredInt("embeddingSize", 1, BundleManifest.MaxEmbeddingSize);
        var image = root.RequiredObject("image") is { } imageSection ? ReadImage(imageSection) : null;
        var text = root.RequiredObject("text") is { } textSection ? ReadText(textSection) : null;
        var tokenizer = root.RequiredObject("tokenizer") is { } tokenizerSection ? ReadTokenizer(tokenizerSection) : null;
        var checkpoint = root.RequiredPath("checkpoint");
        var training = FreeForm(root, "training");
        var evaluation = root.OptionalObject("evaluation") is { } evaluationSection ? ReadEvaluation(evaluationSection) : [];
        var files = root.RequiredObject("files") is { } filesSection ? ReadFiles(filesSection) : null;

        if (modelVersion is null || created is null || embeddingSize is null || image is null || text is null
            || tokenizer is null || checkpoint is null || evaluation is null || files is null)
        {
            return null;
        }

        return new BundleManifest
        {
            SchemaVersion = schemaVersion.Value,
            ModelVersion = modelVersion,
            Created = created.Value,
            Architecture = architecture,
            EmbeddingSize = embeddingSize.Value,
            Image = image,
            Text = text,
            Tokenizer = tokenizer,
            Checkpoint = checkpoint,
            Training = training,
            Evaluation = evaluation,
            Files = files,
        };
    }

    private static JsonElement FreeForm(ManifestSection root, string name) =>
        root.OptionalObject(name) is { } section ? section.Element.Clone() : BundleManifest.EmptyObject;

    private static ImageTowerManifest? ReadImage(ManifestSection section)
    {
        var file = section.RequiredPath("file");
        var input = section.RequiredString("input");
        var output = section.RequiredString("output");
        var height = section.RequiredInt("height", 1, BundleManifest.MaxImageSide);
        var width = section.RequiredInt("width", 1, BundleManifest.MaxImageSide);
        var mean = section.RequiredTriplet("mean", positive: false);
        var std = section.RequiredTriplet("std", positive: true);
        if (file is null || input is null || output is null || height is null || width is null || mean is null || std is null)
            return null;
        return new ImageTowerManifest
        {
            File = file,
            Input = input,
            Output = output,
            Height = height.Value,
            Width = width.Value,
            Mean = new RgbTriplet(mean[0], mean[1], mean[2]),
            Std = new RgbTriplet(std[0], std[1], std[2]),
        };
    }

    private static TextTowerManifest? ReadText(ManifestSection section)
    {
        var file = section.RequiredPath("file");
        var input = section.RequiredString("input");
        var output = section.RequiredString("output");

        // Room for the start and end markers at least, as the tokenizer requires.
        var contextLength = section.RequiredInt("contextLength", 2, BundleManifest.MaxContextLength);
        if (file is null || input is null || output is null || contextLength is null)
            return null;
        return new TextTowerManifest { File = file, Input = input, Output = output, ContextLength = contextLength.Value };
    }

    private static TokenizerManifest? ReadTokenizer(ManifestSection section)
    {
        var kind = section.RequiredString("kind");
        if (kind is not null && kind != TokenizerManifest.ClipBpeKind)
        {
            section.Problem($"{section.FieldPath("kind")} '{kind}' is not supported; the only tokenizer kind is '{TokenizerManifest.ClipBpeKind}'.");
            kind = null;
        }
        var directory = section.RequiredPath("directory");
        var vocabularySize = section.RequiredInt("vocabularySize", 1, BundleManifest.MaxVocabularySize);
        if (kind is null || directory is null || vocabularySize is null)
            return null;
        return new TokenizerManifest { Kind = kind, Directory = directory, VocabularySize = vocabularySize.Value };
    }

    private static Dictionary<string, RecordedMetrics>? ReadEvaluation(ManifestSection section)
    {
        var evaluation = new Dictionary<string, RecordedMetrics>(StringComparer.Ordinal);
        var valid = true;
        foreach (var split in section.Element.EnumerateObject())
        {
            if (section.RequiredObject(split.Name) is not { } metrics)
            {
                valid = false;
                continue;
            }
            var rank1 = metrics.RequiredNumber("rank1", 0, MaxPercent);
            var rank5 = metrics.RequiredNumber("rank5", 0, MaxPercent);
            var rank10 = metrics.RequiredNumber("rank10", 0, MaxPercent);
            var map = metrics.RequiredNumber("mAP", 0, MaxPercent);
            var minp = metrics.RequiredNumber("mINP", 0, MaxPercent);
            if (rank1 is null || rank5 is null || rank10 is null || map is null || minp is null)
            {
                valid = false;
                continue;
            }
            evaluation[split.Name] = new RecordedMetrics(rank1.Value, rank5.Value, rank10.Value, map.Value, minp.Value);
        }
        return valid ? evaluation : null;
    }

    private static Dictionary<string, string>? ReadFiles(ManifestSection section)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var valid = true;
        foreach (var entry in section.Element.EnumerateObject())
        {
            var field = $"files['{entry.Name}']";
            if (BundleRelativePath.Problem(entry.Name) is { } pathProblem)
            {
                section.Problem($"{field}: the path {pathProblem}.");
                valid = false;
            }
            else if (entry.Name == BundleManifest.FileName)
            {
                section.Problem($"{field}: the manifest cannot list itself.");
                valid = false;
            }
            if (entry.Value.ValueKind != JsonValueKind.String || !FileChecksum.IsSha256Hex(entry.Value.GetString()))
            {
                section.Problem($"{field} must be a SHA-256 checksum: 64 lower-case hex digits (got {ManifestSection.Describe(entry.Value)}).");
                valid = false;
            }
            else if (!files.TryAdd(entry.Name, entry.Value.GetString()!))
            {
                section.Problem($"{field} is listed twice.");
                valid = false;
            }
        }
        return valid ? files : null;
    }

    private static void WriteManifest(Utf8JsonWriter writer, BundleManifest manifest)
    {
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", manifest.SchemaVersion);
        writer.WriteString("modelVersion", manifest.ModelVersion);
        writer.WriteString("created", manifest.Created);
        writer.WritePropertyName("architecture");
        WriteFreeForm(writer, manifest.Architecture);
        writer.WriteNumber("embeddingSize", manifest.EmbeddingSize);

        var image = manifest.Image;
        writer.WriteStartObject("image");
        writer.WriteString("file", image.File);
        writer.WriteString("input", image.Input);
        writer.WriteString("output", image.Output);
        writer.WriteNumber("height", image.Height);
        writer.WriteNumber("width", image.Width);
        WriteTriplet(writer, "mean", image.Mean);
        WriteTriplet(writer, "std", image.Std);
        writer.WriteEndObject();

        var text = manifest.Text;
        writer.WriteStartObject("text");
        writer.WriteString("file", text.File);
        writer.WriteString("input", text.Input);
        writer.WriteString("output", text.Output);
        writer.WriteNumber("contextLength", text.ContextLength);
        writer.WriteEndObject();

        var tokenizer = manifest.Tokenizer;
        writer.WriteStartObject("tokenizer");
        writer.WriteString("kind", tokenizer.Kind);
        writer.WriteString("directory", tokenizer.Directory);
        writer.WriteNumber("vocabularySize", tokenizer.VocabularySize);
        writer.WriteEndObject();

        writer.WriteString("checkpoint", manifest.Checkpoint);
        writer.WritePropertyName("training");
        WriteFreeForm(writer, manifest.Training);

        writer.WriteStartObject("evaluation");
        foreach (var (split, metrics) in manifest.Evaluation.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            writer.WriteStartObject(split);
            WriteNumber(writer, "rank1", metrics.Rank1);
            WriteNumber(writer, "rank5", metrics.Rank5);
            WriteNumber(writer, "rank10", metrics.Rank10);
            WriteNumber(writer, "mAP", metrics.MeanAveragePrecision);
            WriteNumber(writer, "mINP", metrics.MeanInverseNegativePenalty);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();

        writer.WriteStartObject("files");
        foreach (var (path, checksum) in manifest.Files.OrderBy(entry => entry.Key, StringComparer.Ordinal))
            writer.WriteString(path, checksum);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteFreeForm(Utf8JsonWriter writer, JsonElement section)
    {
        if (section.ValueKind == JsonValueKind.Undefined)
            BundleManifest.EmptyObject.WriteTo(writer);
        else
            section.WriteTo(writer);
    }

    private static void WriteTriplet(Utf8JsonWriter writer, string name, RgbTriplet triplet)
    {
        writer.WriteStartArray(name);
        for (var channel = 0; channel < 3; channel++)
        {
            if (float.IsFinite(triplet[channel]))
                writer.WriteNumberValue(triplet[channel]);
            else
                writer.WriteStringValue(triplet[channel].ToString(CultureInfo.InvariantCulture));
        }
        writer.WriteEndArray();
    }

    // JSON has no NaN or infinity: such a value is written as text, which reading then refuses
    // with the field's name (rather than the JSON writer throwing without one).
    private static void WriteNumber(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
            writer.WriteNumber(name, value);
        else
            writer.WriteString(name, value.ToString(CultureInfo.InvariantCulture));
    }
}
