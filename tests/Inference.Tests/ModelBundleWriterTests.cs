using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using VfeTps.Stream.Tokenizer;

namespace VfeTps.Stream.Inference.Tests;

public sealed class ModelBundleWriterTests
{
    private static readonly string[] StandardLayout =
    [
        "checkpoint.safetensors",
        "image-tower.onnx",
        "manifest.json",
        "text-tower.onnx",
        "tokenizer/merges.txt",
        "tokenizer/vocab.json",
    ];

    [Fact]
    public void A_bundle_has_the_standard_layout_with_a_checksum_for_every_file()
    {
        using var temp = new TempDirectory();
        var sources = TestBundle.WriteSources(temp.PathOf("sources"));
        var destination = temp.PathOf("bundle");

        var written = ModelBundleWriter.Write(destination, TestBundle.Manifest(), sources);

        Assert.Equal(StandardLayout, FilesUnder(destination));
        Assert.Equal(StandardLayout.Where(path => path != "manifest.json"), written.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, checksum) in written.Files)
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(destination, path)))), checksum);
        Assert.Equal(File.ReadAllBytes(sources.ImageTower), File.ReadAllBytes(Path.Combine(destination, "image-tower.onnx")));
        Assert.Equal(File.ReadAllBytes(sources.TextTower), File.ReadAllBytes(Path.Combine(destination, "text-tower.onnx")));
        Assert.Equal(File.ReadAllBytes(sources.Checkpoint), File.ReadAllBytes(Path.Combine(destination, "checkpoint.safetensors")));
        Assert.Equal(File.ReadAllBytes(sources.Tokenizer.MergesPath), File.ReadAllBytes(Path.Combine(destination, "tokenizer", "merges.txt")));
    }

    [Fact]
    public void The_manifest_on_disk_is_the_one_returned()
    {
        using var temp = new TempDirectory();
        var destination = temp.PathOf("bundle");

        var written = TestBundle.Write(destination);
        var read = BundleManifestJson.Read(Path.Combine(destination, "manifest.json"));

        Assert.Equal(BundleManifestJson.Serialize(written), BundleManifestJson.Serialize(read));
        Assert.Equal(BundleManifestJson.Serialize(written), File.ReadAllText(Path.Combine(destination, "manifest.json")));
        Assert.Equal("stand-in-1", read.ModelVersion);
    }

    [Fact]
    public void Files_given_in_the_manifest_are_replaced_by_the_computed_checksums()
    {
        using var temp = new TempDirectory();
        var sources = TestBundle.WriteSources(temp.PathOf("sources"));
        var manifest = TestBundle.Manifest() with { Files = new Dictionary<string, string> { ["stale.bin"] = new('a', 64) } };

        var written = ModelBundleWriter.Write(temp.PathOf("bundle"), manifest, sources);

        Assert.DoesNotContain("stale.bin", written.Files.Keys);
        Assert.Equal(5, written.Files.Count);
    }

    [Fact]
    public void A_folder_that_is_not_empty_is_never_overwritten()
    {
        using var temp = new TempDirectory();
        var sources = TestBundle.WriteSources(temp.PathOf("sources"));
        var destination = temp.CreateSubdirectory("bundle");
        File.WriteAllText(Path.Combine(destination, "notes.txt"), "someone else's file");

        var error = Assert.Throws<IOException>(() => ModelBundleWriter.Write(destination, TestBundle.Manifest(), sources));

        Assert.Contains("not empty", error.Message, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], FilesUnder(destination));
        Assert.Equal("someone else's file", File.ReadAllText(Path.Combine(destination, "notes.txt")));
    }

    [Fact]
    public void An_existing_bundle_is_never_overwritten()
    {
        using var temp = new TempDirectory();
        var destination = temp.PathOf("bundle");
        var first = TestBundle.Write(destination);
        var sources = TestBundle.WriteSources(temp.PathOf("other-sources"), new TestBundleSpec { Seed = 2 });

        Assert.Throws<IOException>(() => ModelBundleWriter.Write(destination, TestBundle.Manifest("stand-in-2"), sources));

        Assert.Equal(first.ModelVersion, BundleManifestJson.Read(Path.Combine(destination, "manifest.json")).ModelVersion);
    }

    [Fact]
    public void An_existing_empty_folder_is_used()
    {
        using var temp = new TempDirectory();
        var sources = TestBundle.WriteSources(temp.PathOf("sources"));
        var destination = temp.CreateSubdirectory("bundle");

        ModelBundleWriter.Write(destination, TestBundle.Manifest(), sources);

        Assert.Equal(StandardLayout, FilesUnder(destination));
    }

    [Fact]
    public void A_file_as_destination_is_refused()
    {
        using var temp = new TempDirectory();
        var sources = TestBundle.WriteSources(temp.PathOf("sources"));
        File.WriteAllText(temp.PathOf("bundle"), "a file");

        Assert.Throws<IOException>(() => ModelBundleWriter.Write(temp.PathOf("bundle"), TestBundle.Manifest(), sources));
    }

    [Fact]
    public void An_invalid_manifest_is_refused_before_anything_is_copied()
    {
        using var temp = new TempDirectory();
        var sources = TestBundle.WriteSources(temp.PathOf("sources"));
        var manifest = TestBundle.Manifest() with { EmbeddingSize = 0 };

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleWriter.Write(temp.PathOf("bundle"), manifest, sources));

        Assert.Contains("embeddingSize must be positive", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.PathOf("bundle")));
    }

    [Fact]
    public void A_manifest_path_that_escapes_the_bundle_is_refused_before_anything_is_copied()
    {
        using var temp = new TempDirectory();
        var sources = TestBundle.WriteSources(temp.PathOf("sources"));
        var manifest = TestBundle.Manifest() with { Checkpoint = "../checkpoint.safetensors" };

        var error = Assert.Throws<ModelBundleException>(() => ModelBundleWriter.Write(temp.PathOf("bundle"), manifest, sources));

        Assert.Contains("checkpoint '../checkpoint.safetensors' escapes the bundle folder", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.PathOf("checkpoint.safetensors")));
        Assert.False(Directory.Exists(temp.PathOf("bundle")));
    }

    [Fact]
    public void Two_files_on_one_path_are_refused()
    {
        using var temp = new TempDirectory();
        var sources = TestBundle.WriteSources(temp.PathOf("sources"));
        var manifest = TestBundle.Manifest() with { Checkpoint = "image-tower.onnx" };

        var error = Assert.Throws<ArgumentException>(() => ModelBundleWriter.Write(temp.PathOf("bundle"), manifest, sources));

        Assert.Contains("'image-tower.onnx'", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.PathOf("bundle")));
    }

    [Fact]
    public void A_tokenizer_that_does_not_match_the_manifest_is_refused()
    {
        using var temp = new TempDirectory();
        var sources = TestBundle.WriteSources(temp.PathOf("sources"));
        var manifest = TestBundle.Manifest() with
        {
            Tokenizer = new TokenizerManifest { VocabularySize = TestTokenizer.Instance.VocabularySize + 1 },
        };

        var error = Assert.Throws<ArgumentException>(() => ModelBundleWriter.Write(temp.PathOf("bundle"), manifest, sources));

        Assert.Contains("vocabularySize", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.PathOf("bundle")));
    }

    [Fact]
    public void A_missing_source_is_named_and_nothing_is_written()
    {
        using var temp = new TempDirectory();
        var sources = TestBundle.WriteSources(temp.PathOf("sources")) with { Checkpoint = temp.PathOf("nowhere.safetensors") };

        var error = Assert.Throws<FileNotFoundException>(() => ModelBundleWriter.Write(temp.PathOf("bundle"), TestBundle.Manifest(), sources));

        Assert.Contains("checkpoint", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.PathOf("bundle")));
    }

    [Fact]
    public void OpenAIs_compressed_merge_list_is_carried_as_is_and_loads()
    {
        using var temp = new TempDirectory();
        var sources = TestBundle.WriteSources(temp.PathOf("sources"));
        var mergeList = temp.PathOf("my-merges.gz");
        using (var gzip = new GZipStream(File.Create(mergeList), CompressionLevel.Optimal))
        {
            var lines = TestTokenizer.Instance.Merges.Select(merge => merge.ToString());
            gzip.Write(Encoding.UTF8.GetBytes("\"bpe_simple_vocab_16e6.txt#version: 0.2\n" + string.Join('\n', lines) + "\n"));
        }
        var destination = temp.PathOf("bundle");

        var written = ModelBundleWriter.Write(destination, TestBundle.Manifest(), sources with { Tokenizer = TokenizerFiles.ClipBpe(mergeList) });

        Assert.Contains("tokenizer/bpe_simple_vocab_16e6.txt.gz", written.Files.Keys);
        Assert.DoesNotContain("tokenizer/vocab.json", written.Files.Keys);
        using var bundle = TestBundle.Load(destination);
        Assert.Equal(
            TestTokenizer.Instance.Tokenize("a man in a blue jacket", TestBundle.ContextLength),
            bundle.TextEncoder.Tokenizer.Tokenize("a man in a blue jacket", TestBundle.ContextLength));
    }

    private static List<string> FilesUnder(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(directory, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)];
}
