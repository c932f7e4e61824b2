using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace VfeTps.Stream.Inference.Tests;

public sealed class ModelBundleLoaderTests
{
    [Fact]
    public void A_valid_bundle_loads_with_its_manifest()
    {
        using var temp = new TempDirectory();
        var path = temp.PathOf("bundle");
        var written = TestBundle.Write(path);
        var logger = new RecordingLogger();

        using var bundle = ModelBundle.Load(path + "/", TestBundle.CpuOptions(), logger);

        Assert.Equal(path, bundle.Directory);
        Assert.Equal("stand-in-1", bundle.ModelVersion);
        Assert.Equal(BundleManifestJson.Serialize(written), BundleManifestJson.Serialize(bundle.Manifest));
        Assert.Equal(ExecutionProvider.Cpu, bundle.ExecutionProvider);
        Assert.Equal(TestBundle.EmbeddingSize, bundle.ImageEncoder.EmbeddingSize);
        Assert.Equal(TestBundle.EmbeddingSize, bundle.TextEncoder.EmbeddingSize);
        Assert.Equal(TestBundle.ContextLength, bundle.TextEncoder.ContextLength);
        Assert.Equal((TestBundle.Height, TestBundle.Width), (bundle.ImageEncoder.Preprocessor.Height, bundle.ImageEncoder.Preprocessor.Width));
        Assert.Contains(logger.Entries, entry => entry.Level == LogLevel.Information && entry.Message.Contains("Loaded model stand-in-1", StringComparison.Ordinal));
        Assert.False(bundle.IsDisposed);
    }

    [Fact]
    public void A_missing_folder_is_refused()
    {
        using var temp = new TempDirectory();

        var error = Refuse(temp.PathOf("no-such-bundle"), BundleCheckStage.Manifest);

        Assert.Contains("the bundle folder does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_manifest_is_refused()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        File.Delete(Path.Combine(path, "manifest.json"));

        var error = Refuse(path, BundleCheckStage.Manifest);

        Assert.Contains("manifest.json is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_that_is_not_json_is_refused()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        File.WriteAllText(Path.Combine(path, "manifest.json"), "{ \"schemaVersion\": 1");

        var error = Refuse(path, BundleCheckStage.Manifest);

        Assert.Contains("is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_refused()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        File.Delete(Path.Combine(path, "text-tower.onnx"));

        var error = Refuse(path, BundleCheckStage.Files);

        Assert.Equal(["'text-tower.onnx' is missing."], error.Problems);
        Assert.Contains($"Model bundle '{path}' was refused (Files check)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_missing_file_is_listed_in_one_error()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        File.Delete(Path.Combine(path, "checkpoint.safetensors"));
        File.Delete(Path.Combine(path, "tokenizer", "merges.txt"));

        var error = Refuse(path, BundleCheckStage.Files);

        Assert.Contains("'checkpoint.safetensors' is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("'tokenizer/merges.txt' is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("tokenizer files are missing", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Problems.Count);
    }

    [Fact]
    public void A_flipped_byte_in_a_tower_is_a_checksum_mismatch()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        var tower = Path.Combine(path, "image-tower.onnx");
        var bytes = File.ReadAllBytes(tower);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(tower, bytes);

        var error = Refuse(path, BundleCheckStage.Files);

        Assert.Single(error.Problems);
        Assert.Contains("'image-tower.onnx' checksum mismatch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_checkpoint_is_checked_although_serving_never_opens_it()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        File.AppendAllText(Path.Combine(path, "checkpoint.safetensors"), "extra");

        var error = Refuse(path, BundleCheckStage.Files);

        Assert.Contains("'checkpoint.safetensors' checksum mismatch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_file_missing_from_the_file_list_is_refused()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        TestBundle.EditManifest(path, manifest => manifest["files"]!.AsObject().Remove("tokenizer/vocab.json"));

        var error = Refuse(path, BundleCheckStage.Files);

        Assert.Contains("'tokenizer/vocab.json' (tokenizer) is not listed in files", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_listed_file_that_is_not_there_is_refused_even_when_serving_would_not_need_it()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        TestBundle.EditManifest(path, manifest => manifest["files"]!["notes/model-card.md"] = new string('c', 64));

        var error = Refuse(path, BundleCheckStage.Files);

        Assert.Contains("'notes/model-card.md' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tower_path_that_escapes_the_bundle_is_refused_even_when_the_file_is_there()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        File.Copy(Path.Combine(path, "image-tower.onnx"), temp.PathOf("image-tower.onnx"));
        TestBundle.EditManifest(path, manifest =>
        {
            manifest["image"]!["file"] = "../image-tower.onnx";
            var files = manifest["files"]!.AsObject();
            files["../image-tower.onnx"] = (string?)files["image-tower.onnx"];
        });

        var error = Refuse(path, BundleCheckStage.Manifest);

        Assert.Contains("image.file '../image-tower.onnx' escapes the bundle folder", error.Message, StringComparison.Ordinal);
        Assert.Contains("files['../image-tower.onnx']: the path '../image-tower.onnx' escapes the bundle folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absolute_tower_path_is_refused()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        TestBundle.EditManifest(path, manifest => manifest["text"]!["file"] = Path.Combine(path, "text-tower.onnx"));

        var error = Refuse(path, BundleCheckStage.Manifest);

        Assert.Contains("is an absolute path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tokenizer_whose_vocabulary_size_differs_from_the_manifest_is_refused()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        var actual = TestTokenizer.Instance.VocabularySize;
        TestBundle.EditManifest(path, manifest => manifest["tokenizer"]!["vocabularySize"] = actual + 5);

        var error = Refuse(path, BundleCheckStage.Tokenizer);

        Assert.Contains($"tokenizer vocabulary size mismatch: the manifest says {actual + 5}, the tokenizer files hold {actual} ids", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_tokenizer_is_refused()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        TestBundle.ReplaceFile(path, "tokenizer/vocab.json", "{ \"a\": "u8.ToArray());

        var error = Refuse(path, BundleCheckStage.Tokenizer);

        Assert.Contains("the tokenizer could not be loaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_instead_of_an_onnx_model_is_a_clear_error()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        var garbage = new byte[4096];
        new Random(3).NextBytes(garbage);
        TestBundle.ReplaceFile(path, "image-tower.onnx", garbage);

        var error = Refuse(path, BundleCheckStage.Sessions);

        Assert.Contains("image tower: ONNX Runtime could not open 'image-tower.onnx'", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public void Both_unreadable_towers_are_listed()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        TestBundle.ReplaceFile(path, "image-tower.onnx", "not a model"u8.ToArray());
        TestBundle.ReplaceFile(path, "text-tower.onnx", []);

        var error = Refuse(path, BundleCheckStage.Sessions);

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains("text tower: ONNX Runtime could not open 'text-tower.onnx'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tower_with_another_input_name_is_refused()
    {
        using var temp = new TempDirectory();
        var path = Written(temp, new TestBundleSpec { Image = ImageTowerKind.WrongInputName });

        var error = Refuse(path, BundleCheckStage.Signatures);

        Assert.Contains("image tower: no input named 'pixels' (the graph's inputs: 'images'); wrong input name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_naming_an_input_or_output_the_tower_lacks_is_refused()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        TestBundle.EditManifest(path, manifest =>
        {
            manifest["text"]!["input"] = "input_ids";
            manifest["image"]!["output"] = "image_embeds";
        });

        var error = Refuse(path, BundleCheckStage.Signatures);

        Assert.Contains("text tower: no input named 'input_ids' (the graph's inputs: 'token_ids')", error.Message, StringComparison.Ordinal);
        Assert.Contains("image tower: no output named 'image_embeds' (the graph's outputs: 'embedding'); wrong output name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tower_whose_input_size_differs_from_the_manifest_is_refused()
    {
        using var temp = new TempDirectory();
        var path = Written(temp, new TestBundleSpec { ImageGraphHeight = TestBundle.Height + 8 });

        var error = Refuse(path, BundleCheckStage.Signatures);

        Assert.Single(error.Problems);
        Assert.Contains(
            $"image tower: input 'pixels' has height (2) {TestBundle.Height + 8} in [batch, 3, {TestBundle.Height + 8}, {TestBundle.Width}]; the manifest says {TestBundle.Height}",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains("wrong shape", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_whose_input_size_differs_from_the_tower_is_refused()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        TestBundle.EditManifest(path, manifest => manifest["image"]!["width"] = TestBundle.Width * 2);

        var error = Refuse(path, BundleCheckStage.Signatures);

        Assert.Contains($"has width (3) {TestBundle.Width}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"the manifest says {TestBundle.Width * 2}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tower_with_another_embedding_size_is_refused()
    {
        using var temp = new TempDirectory();
        var path = Written(temp, new TestBundleSpec { ImageGraphEmbeddingSize = 12 });

        var error = Refuse(path, BundleCheckStage.Signatures);

        Assert.Contains("image tower: output 'embedding' has embedding size 12 in [batch, 12]; the manifest says 8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_embedding_size_that_fits_neither_tower_lists_both()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        TestBundle.EditManifest(path, manifest => manifest["embeddingSize"] = 128);

        var error = Refuse(path, BundleCheckStage.Signatures);

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains("image tower: output 'embedding' has embedding size 8", error.Message, StringComparison.Ordinal);
        Assert.Contains("text tower: output 'embedding' has embedding size 8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_tower_fed_with_the_wrong_element_type_is_refused()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);

        // The image tower in the text tower's place: a float input of rank 4.
        TestBundle.ReplaceFile(path, "text-tower.onnx", File.ReadAllBytes(Path.Combine(path, "image-tower.onnx")));
        TestBundle.EditManifest(path, manifest => manifest["text"]!["input"] = "pixels");

        var error = Refuse(path, BundleCheckStage.Signatures);

        Assert.Contains("text tower: input 'pixels' has element type Float; expected Int64", error.Message, StringComparison.Ordinal);
        Assert.Contains("rank 4; expected [batch, 32], rank 2 (wrong shape)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ImageTowerKind.NaN, "image tower: NaN/infinite output for 16 of 16 probe images")]
    [InlineData(ImageTowerKind.Unnormalised, "image tower: output is not L2-normalised")]
    [InlineData(ImageTowerKind.Collapsed, "image tower: collapsed embeddings: the 16 probe images give nearly the same embedding")]
    [InlineData(ImageTowerKind.BatchDependent, "image tower: output depends on the rest of the batch")]
    public void An_image_tower_that_misbehaves_on_the_probe_is_refused(ImageTowerKind kind, string expected)
    {
        using var temp = new TempDirectory();
        var path = Written(temp, new TestBundleSpec { Image = kind });

        var error = Refuse(path, BundleCheckStage.Probe);

        Assert.Single(error.Problems);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TextTowerKind.NaN, "text tower: NaN/infinite output for 12 of 12 probe texts")]
    [InlineData(TextTowerKind.Unnormalised, "text tower: output is not L2-normalised")]
    [InlineData(TextTowerKind.Collapsed, "text tower: collapsed embeddings")]
    public void A_text_tower_that_misbehaves_on_the_probe_is_refused(TextTowerKind kind, string expected)
    {
        using var temp = new TempDirectory();
        var path = Written(temp, new TestBundleSpec { Text = kind });

        var error = Refuse(path, BundleCheckStage.Probe);

        Assert.Single(error.Problems);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_problems_of_both_towers_are_listed_together()
    {
        using var temp = new TempDirectory();
        var path = Written(temp, new TestBundleSpec { Image = ImageTowerKind.Collapsed, Text = TextTowerKind.NaN });

        var error = Refuse(path, BundleCheckStage.Probe);

        Assert.Equal(2, error.Problems.Count);
        Assert.StartsWith("image tower: collapsed embeddings", error.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith("text tower: NaN/infinite output", error.Problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_collapse_is_caught_whatever_the_batch_size()
    {
        using var temp = new TempDirectory();
        var path = Written(temp, new TestBundleSpec { Image = ImageTowerKind.Collapsed });

        var error = Assert.Throws<ModelBundleException>(() => TestBundle.Load(path, maxBatchSize: 1));

        Assert.Contains("collapsed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_is_logged_as_an_error()
    {
        using var temp = new TempDirectory();
        var path = Written(temp, new TestBundleSpec { Image = ImageTowerKind.NaN });
        var logger = new RecordingLogger();

        Assert.Throws<ModelBundleException>(() => ModelBundle.Load(path, TestBundle.CpuOptions(), logger));

        Assert.Contains(logger.Entries, entry => entry.Level == LogLevel.Error && entry.Message.Contains("NaN/infinite output", StringComparison.Ordinal));
    }

    [Fact]
    public void Absurd_sizes_are_refused_by_name_at_the_manifest_stage()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        TestBundle.EditManifest(path, manifest =>
        {
            manifest["embeddingSize"] = int.MaxValue;
            manifest["image"]!["height"] = int.MaxValue;
            manifest["image"]!["width"] = 1_000_000;
            manifest["text"]!["contextLength"] = int.MaxValue;
            manifest["tokenizer"]!["vocabularySize"] = int.MaxValue;
        });

        var error = Refuse(path, BundleCheckStage.Manifest);

        Assert.Equal(
            [
                $"embeddingSize must be at most {BundleManifest.MaxEmbeddingSize} (got {int.MaxValue}).",
                $"image.height must be at most {BundleManifest.MaxImageSide} (got {int.MaxValue}).",
                $"image.width must be at most {BundleManifest.MaxImageSide} (got 1000000).",
                $"text.contextLength must be at most {BundleManifest.MaxContextLength} (got {int.MaxValue}).",
                $"tokenizer.vocabularySize must be at most {BundleManifest.MaxVocabularySize} (got {int.MaxValue}).",
            ],
            error.Problems);
    }

    [Fact]
    public void Any_error_while_probing_refuses_the_bundle_at_the_probe_stage()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        var bundle = TestBundle.Load(path);
        bundle.Dispose();

        // Encoders over closed sessions throw ObjectDisposedException, not an ONNX Runtime error.
        var error = Assert.Throws<ModelBundleException>(() => ModelBundleLoader.Probe(path, () => bundle.ImageEncoder, () => bundle.TextEncoder));

        Assert.Equal(BundleCheckStage.Probe, error.Stage);
        Assert.Equal(2, error.Problems.Count);
        Assert.StartsWith("image tower: running the probe images failed (ObjectDisposedException)", error.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith("text tower: running the probe texts failed (ObjectDisposedException)", error.Problems[1], StringComparison.Ordinal);
        Assert.IsType<ObjectDisposedException>(error.InnerException);
    }

    [Fact]
    public void An_encoder_that_cannot_be_made_refuses_the_bundle_at_the_probe_stage()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        using var bundle = TestBundle.Load(path);
        var cause = new OverflowException("stand-in: the input size does not fit");

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleLoader.Probe(path, () => throw cause, () => bundle.TextEncoder));

        Assert.Equal(BundleCheckStage.Probe, error.Stage);
        Assert.Equal(["image tower: running the probe images failed (OverflowException): stand-in: the input size does not fit"], error.Problems);
        Assert.Same(cause, error.InnerException);
    }

    [Fact]
    public void Cancellation_while_probing_is_not_taken_for_a_bad_bundle()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        using var bundle = TestBundle.Load(path);

        Assert.Throws<OperationCanceledException>(() => ModelBundleLoader.Probe(path, () => bundle.ImageEncoder, () => throw new OperationCanceledException()));
    }

    [Fact]
    public void A_bundle_written_by_hand_with_every_optional_section_absent_loads()
    {
        using var temp = new TempDirectory();
        var path = Written(temp);
        TestBundle.EditManifest(path, manifest =>
        {
            manifest.Remove("architecture");
            manifest.Remove("training");
            manifest.Remove("evaluation");
            manifest["comment"] = new JsonObject { ["by"] = "hand" };
        });

        using var bundle = TestBundle.Load(path);

        Assert.Empty(bundle.Manifest.Evaluation);
    }

    private static string Written(TempDirectory temp, TestBundleSpec? spec = null)
    {
        var path = temp.PathOf("bundle");
        TestBundle.Write(path, spec);
        return path;
    }

    private static ModelBundleException Refuse(string path, BundleCheckStage stage)
    {
        var error = Assert.Throws<ModelBundleException>(() => TestBundle.Load(path));
        Assert.Equal(stage, error.Stage);
        Assert.Equal(path, error.BundleDirectory);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        return error;
    }
}
