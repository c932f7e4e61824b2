using System.Text.Json;
using System.Text.Json.Nodes;
using VfeTps.Stream.Preprocessing;

namespace VfeTps.Stream.Inference.Tests;

public sealed class BundleManifestJsonTests
{
    private static readonly string HashA = new('a', 64);
    private static readonly string HashB = new string('0', 63) + "f";

    private static readonly Dictionary<string, (Action<JsonObject> Corrupt, string Expected)> InvalidFields = new()
    {
        ["schema version"] = (m => m["schemaVersion"] = 2, "schemaVersion 2 is not supported"),
        ["schema version missing"] = (m => m.Remove("schemaVersion"), "schemaVersion is missing"),
        ["model version missing"] = (m => m.Remove("modelVersion"), "modelVersion is missing"),
        ["model version empty"] = (m => m["modelVersion"] = " ", "modelVersion must be a non-empty string"),
        ["created missing"] = (m => m.Remove("created"), "created is missing"),
        ["created not a date"] = (m => m["created"] = "yesterday", "created must be an ISO 8601 date"),
        ["embedding size zero"] = (m => m["embeddingSize"] = 0, "embeddingSize must be positive (got 0)"),
        ["embedding size text"] = (m => m["embeddingSize"] = "128", "embeddingSize must be an integer"),
        ["embedding size fraction"] = (m => m["embeddingSize"] = 12.5, "embeddingSize must be an integer"),
        ["image missing"] = (m => m.Remove("image"), "image is missing"),
        ["image not an object"] = (m => m["image"] = "image-tower.onnx", "image must be a JSON object"),
        ["image height negative"] = (m => m["image"]!["height"] = -1, "image.height must be positive (got -1)"),
        ["image width zero"] = (m => m["image"]!["width"] = 0, "image.width must be positive (got 0)"),
        ["image height missing"] = (m => m["image"]!.AsObject().Remove("height"), "image.height is missing"),
        ["image input empty"] = (m => m["image"]!["input"] = "", "image.input must be a non-empty string"),
        ["image output missing"] = (m => m["image"]!.AsObject().Remove("output"), "image.output is missing"),
        ["mean two values"] = (m => m["image"]!["mean"] = new JsonArray(0.5, 0.5), "image.mean must hold 3 numbers, R, G, B (got 2 values)"),
        ["mean four values"] = (m => m["image"]!["mean"] = new JsonArray(0.5, 0.5, 0.5, 0.5), "image.mean must hold 3 numbers, R, G, B (got 4 values)"),
        ["mean not a list"] = (m => m["image"]!["mean"] = 0.5, "image.mean must hold 3 numbers"),
        ["mean text"] = (m => m["image"]!["mean"] = new JsonArray("red", 0.5, 0.5), "image.mean[0] must be a finite number"),
        ["std zero"] = (m => m["image"]!["std"] = new JsonArray(0.2, 0, 0.2), "image.std[1] must be positive (got 0)"),
        ["std negative"] = (m => m["image"]!["std"] = new JsonArray(0.2, 0.2, -0.1), "image.std[2] must be positive"),
        ["std missing"] = (m => m["image"]!.AsObject().Remove("std"), "image.std is missing"),
        ["context length one"] = (m => m["text"]!["contextLength"] = 1, "text.contextLength must be at least 2 (got 1)"),
        ["context length missing"] = (m => m["text"]!.AsObject().Remove("contextLength"), "text.contextLength is missing"),
        ["vocabulary size zero"] = (m => m["tokenizer"]!["vocabularySize"] = 0, "tokenizer.vocabularySize must be positive"),
        ["tokenizer kind"] = (m => m["tokenizer"]!["kind"] = "sentencepiece", "tokenizer.kind 'sentencepiece' is not supported"),
        ["image file escapes"] = (m => m["image"]!["file"] = "../image-tower.onnx", "image.file '../image-tower.onnx' escapes the bundle folder"),
        ["image file escapes deeper"] = (m => m["image"]!["file"] = "towers/../../image-tower.onnx", "image.file 'towers/../../image-tower.onnx' escapes the bundle folder"),
        ["text file absolute"] = (m => m["text"]!["file"] = "/etc/passwd", "text.file '/etc/passwd' is an absolute path"),
        ["tokenizer backslash"] = (m => m["tokenizer"]!["directory"] = "models\\tokenizer", "tokenizer.directory 'models\\tokenizer' uses '\\'"),
        ["checkpoint dot"] = (m => m["checkpoint"] = "./checkpoint.safetensors", "checkpoint './checkpoint.safetensors' has an empty or '.' segment"),
        ["checkpoint missing"] = (m => m.Remove("checkpoint"), "checkpoint is missing"),
        ["files missing"] = (m => m.Remove("files"), "files is missing"),
        ["files path escapes"] = (m => m["files"]!["../outside.bin"] = new string('a', 64), "files['../outside.bin']: the path '../outside.bin' escapes the bundle folder"),
        ["files absolute"] = (m => m["files"]!["/tmp/outside.bin"] = new string('a', 64), "files['/tmp/outside.bin']: the path '/tmp/outside.bin' is an absolute path"),
        ["files lists manifest"] = (m => m["files"]!["manifest.json"] = new string('a', 64), "files['manifest.json']: the manifest cannot list itself"),
        ["checksum short"] = (m => m["files"]!["image-tower.onnx"] = "abc", "files['image-tower.onnx'] must be a SHA-256 checksum"),
        ["checksum upper case"] = (m => m["files"]!["image-tower.onnx"] = new string('A', 64), "files['image-tower.onnx'] must be a SHA-256 checksum"),
        ["metric above 100"] = (m => m["evaluation"]!["synthpedes-test"]!["rank1"] = 140, "evaluation.synthpedes-test.rank1 must lie between 0 and 100 (got 140)"),
        ["metric missing"] = (m => m["evaluation"]!["synthpedes-test"]!.AsObject().Remove("mAP"), "evaluation.synthpedes-test.mAP is missing"),
        ["architecture not an object"] = (m => m["architecture"] = 5, "architecture must be a JSON object (got 5)"),
        ["image height absurd"] = (m => m["image"]!["height"] = int.MaxValue, $"image.height must be at most {BundleManifest.MaxImageSide} (got {int.MaxValue})"),
        ["image width one too many"] = (m => m["image"]!["width"] = BundleManifest.MaxImageSide + 1, $"image.width must be at most {BundleManifest.MaxImageSide} (got 4097)"),
        ["context length absurd"] = (m => m["text"]!["contextLength"] = 1 << 30, $"text.contextLength must be at most {BundleManifest.MaxContextLength} (got {1 << 30})"),
        ["embedding size absurd"] = (m => m["embeddingSize"] = BundleManifest.MaxEmbeddingSize + 1, $"embeddingSize must be at most {BundleManifest.MaxEmbeddingSize} (got 8193)"),
        ["vocabulary size absurd"] = (m => m["tokenizer"]!["vocabularySize"] = int.MaxValue, $"tokenizer.vocabularySize must be at most {BundleManifest.MaxVocabularySize} (got {int.MaxValue})"),
        ["height beyond int"] = (m => m["image"]!["height"] = 1e12, "image.height must be an integer (got 1000000000000)"),
    };

    public static TheoryData<string> InvalidFieldNames => [.. InvalidFields.Keys];

    [Fact]
    public void A_manifest_survives_a_round_trip()
    {
        var manifest = Complete();

        var json = BundleManifestJson.Serialize(manifest);
        var read = BundleManifestJson.Parse(json);

        Assert.Equal(1, read.SchemaVersion);
        Assert.Equal(manifest.ModelVersion, read.ModelVersion);
        Assert.Equal(manifest.Created, read.Created);
        Assert.Equal(manifest.EmbeddingSize, read.EmbeddingSize);
        Assert.Equal(manifest.Image, read.Image);
        Assert.Equal(manifest.Text, read.Text);
        Assert.Equal(manifest.Tokenizer, read.Tokenizer);
        Assert.Equal(manifest.Checkpoint, read.Checkpoint);
        Assert.Equal(manifest.Evaluation, read.Evaluation);
        Assert.Equal(manifest.Files, read.Files);
        Assert.True(JsonElement.DeepEquals(manifest.Architecture, read.Architecture));
        Assert.True(JsonElement.DeepEquals(manifest.Training, read.Training));
        Assert.Equal(json, BundleManifestJson.Serialize(read));
    }

    [Fact]
    public void The_json_is_indented_camel_case_with_the_contract_field_names()
    {
        var json = BundleManifestJson.Serialize(Complete());

        Assert.Contains("\n  \"schemaVersion\": 1,", json, StringComparison.Ordinal);
        Assert.Contains("\"modelVersion\": \"stand-in-1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"created\": \"2026-11-28T12:00:00+00:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"embeddingSize\": 8", json, StringComparison.Ordinal);
        Assert.Contains("\"contextLength\": 32", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"clip-bpe\"", json, StringComparison.Ordinal);
        Assert.Contains("\"mAP\": 12.5", json, StringComparison.Ordinal);
        Assert.Contains("\"mINP\": 3.75", json, StringComparison.Ordinal);
        var root = JsonNode.Parse(json)!.AsObject();
        Assert.Equal([0.48145466f, 0.4578275f, 0.40821073f], root["image"]!["mean"]!.AsArray().Select(value => (float)value!));
        Assert.Equal([0.26862954f, 0.26130258f, 0.27577711f], root["image"]!["std"]!.AsArray().Select(value => (float)value!));
        Assert.Equal(
            ["schemaVersion", "modelVersion", "created", "architecture", "embeddingSize", "image", "text", "tokenizer", "checkpoint", "training", "evaluation", "files"],
            root.Select(property => property.Key));
        Assert.Equal(["file", "input", "output", "height", "width", "mean", "std"], root["image"]!.AsObject().Select(property => property.Key));
        Assert.Equal("image-tower.onnx", (string?)root["image"]!["file"]);
        Assert.Equal("pixels", (string?)root["image"]!["input"]);
        Assert.Equal("token_ids", (string?)root["text"]!["input"]);
        Assert.Equal("tokenizer", (string?)root["tokenizer"]!["directory"]);
        Assert.Equal("checkpoint.safetensors", (string?)root["checkpoint"]);
    }

    [Theory]
    [MemberData(nameof(InvalidFieldNames))]
    public void An_invalid_field_is_refused_by_name(string invalidField)
    {
        var (corrupt, expected) = InvalidFields[invalidField];
        var json = JsonNode.Parse(BundleManifestJson.Serialize(Complete()))!.AsObject();
        corrupt(json);

        var error = Assert.Throws<ModelBundleException>(() => BundleManifestJson.Parse(json.ToJsonString()));

        Assert.Equal(BundleCheckStage.Manifest, error.Stage);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_invalid_field_is_reported_at_once()
    {
        var json = JsonNode.Parse(BundleManifestJson.Serialize(Complete()))!.AsObject();
        json.Remove("modelVersion");
        json["image"]!["height"] = 0;
        json["text"]!["file"] = "../text.onnx";

        var error = Assert.Throws<ModelBundleException>(() => BundleManifestJson.Parse(json.ToJsonString()));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains("modelVersion is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("image.height must be positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("text.file '../text.onnx' escapes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_size_limits_themselves_are_accepted()
    {
        var json = JsonNode.Parse(BundleManifestJson.Serialize(Complete()))!.AsObject();
        json["image"]!["height"] = BundleManifest.MaxImageSide;
        json["image"]!["width"] = BundleManifest.MaxImageSide;
        json["text"]!["contextLength"] = BundleManifest.MaxContextLength;
        json["embeddingSize"] = BundleManifest.MaxEmbeddingSize;
        json["tokenizer"]!["vocabularySize"] = BundleManifest.MaxVocabularySize;

        var read = BundleManifestJson.Parse(json.ToJsonString());

        Assert.Equal((4096, 4096, 1024, 8192, 1 << 20), (read.Image.Height, read.Image.Width, read.Text.ContextLength, read.EmbeddingSize, read.Tokenizer.VocabularySize));
    }

    [Fact]
    public void An_unsupported_schema_version_is_the_only_problem_reported()
    {
        var json = JsonNode.Parse(BundleManifestJson.Serialize(Complete()))!.AsObject();
        json["schemaVersion"] = 2;
        json.Remove("image");

        var error = Assert.Throws<ModelBundleException>(() => BundleManifestJson.Parse(json.ToJsonString()));

        Assert.Equal(["schemaVersion 2 is not supported; this library reads schema version 1."], error.Problems);
    }

    [Fact]
    public void Text_that_is_not_json_is_refused()
    {
        var error = Assert.Throws<ModelBundleException>(() => BundleManifestJson.Parse("{ \"schemaVersion\": 1,"));

        Assert.Contains("manifest.json is not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public void A_json_array_is_refused()
    {
        var error = Assert.Throws<ModelBundleException>(() => BundleManifestJson.Parse("[1, 2]"));

        Assert.Contains("must hold a JSON object (got an array)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        var json = JsonNode.Parse(BundleManifestJson.Serialize(Complete()))!.AsObject();
        json["comment"] = "exported on the big machine";
        json["image"]!["interpolation"] = "bilinear";

        var read = BundleManifestJson.Parse(json.ToJsonString());

        Assert.Equal(Complete().Image, read.Image);
    }

    [Fact]
    public void The_descriptive_sections_are_optional()
    {
        var json = JsonNode.Parse(BundleManifestJson.Serialize(Complete()))!.AsObject();
        json.Remove("architecture");
        json.Remove("training");
        json.Remove("evaluation");

        var read = BundleManifestJson.Parse(json.ToJsonString());

        Assert.Equal(JsonValueKind.Object, read.Architecture.ValueKind);
        Assert.Empty(read.Architecture.EnumerateObject());
        Assert.Empty(read.Training.EnumerateObject());
        Assert.Empty(read.Evaluation);
    }

    [Fact]
    public void A_non_finite_statistic_is_refused_by_name_rather_than_written_as_invalid_json()
    {
        var manifest = Complete() with
        {
            Image = Complete().Image with { Mean = new RgbTriplet(float.NaN, 0.5f, 0.5f) },
        };

        var json = BundleManifestJson.Serialize(manifest);
        var error = Assert.Throws<ModelBundleException>(() => BundleManifestJson.Parse(json));

        Assert.Contains("image.mean[0] must be a finite number (got \"NaN\")", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_a_missing_manifest_names_the_file()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<ModelBundleException>(() => BundleManifestJson.Read(temp.PathOf("manifest.json")));

        Assert.Contains("manifest.json is missing", error.Message, StringComparison.Ordinal);
        Assert.Equal(temp.FullPath, error.BundleDirectory);
    }

    [Fact]
    public void The_image_section_gives_the_training_normalisation()
    {
        var image = Complete().Image;

        Assert.Equal(ImageNormalization.Clip, image.Normalization);
    }

    private static BundleManifest Complete() => TestBundle.Manifest() with
    {
        Files = new Dictionary<string, string>
        {
            ["image-tower.onnx"] = HashA,
            ["text-tower.onnx"] = HashB,
            ["tokenizer/vocab.json"] = HashA,
            ["tokenizer/merges.txt"] = HashB,
            ["checkpoint.safetensors"] = HashA,
        },
    };
}
