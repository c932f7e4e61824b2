using Microsoft.ML.OnnxRuntime;
using VfeTps.Stream.Preprocessing;

namespace VfeTps.Stream.Inference.Tests;

public sealed class EncoderTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _path;
    private readonly TestBundleSpec _spec = new() { Seed = 5 };

    public EncoderTests()
    {
        _path = _temp.PathOf("bundle");
        TestBundle.Write(_path, _spec);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Image_embeddings_equal_a_direct_onnx_runtime_run_of_the_same_graph()
    {
        var crops = TestBundle.Crops(5);
        using var bundle = TestBundle.Load(_path);

        var embeddings = bundle.ImageEncoder.EmbedBatch(crops);

        var pixels = new ImagePreprocessor(TestBundle.Height, TestBundle.Width, ImageNormalization.Clip).PreprocessBatch(crops);
        var expected = RunDirectly(TestBundle.ImageTowerBytes(_spec), "pixels", pixels, [crops.Count, 3, TestBundle.Height, TestBundle.Width]);
        Assert.Equal(crops.Count, embeddings.Count);
        Assert.Equal(TestBundle.EmbeddingSize, embeddings.Dimension);
        Vectors.AssertClose(expected, embeddings.Values, 1e-6);
    }

    [Fact]
    public void Image_embeddings_are_the_stand_in_towers_arithmetic_on_the_training_preprocessing()
    {
        var crops = TestBundle.Crops(3, seed: 11);
        using var bundle = TestBundle.Load(_path);

        var embeddings = bundle.ImageEncoder.EmbedBatch(crops);

        // Flatten → MatMul → L2 normalisation, by hand, on ImagePreprocessor's output with CLIP's statistics.
        var preprocessor = new ImagePreprocessor(TestBundle.Height, TestBundle.Width, ImageNormalization.Clip);
        var features = 3 * TestBundle.Height * TestBundle.Width;
        var weights = StandInTowers.Weights(features * TestBundle.EmbeddingSize, _spec.Seed);
        for (var row = 0; row < crops.Count; row++)
        {
            var flat = preprocessor.Preprocess(crops[row]);
            var projected = new double[TestBundle.EmbeddingSize];
            for (var f = 0; f < features; f++)
            {
                for (var d = 0; d < projected.Length; d++)
                    projected[d] += flat[f] * (double)weights[(f * projected.Length) + d];
            }
            Vectors.AssertClose(Normalized(projected), embeddings[row], 1e-4, $"crop {row}");
        }
    }

    [Fact]
    public void Text_embeddings_equal_a_direct_onnx_runtime_run_of_the_same_graph()
    {
        using var bundle = TestBundle.Load(_path);

        var embeddings = bundle.TextEncoder.EmbedBatch(TestBundle.Texts);

        var tokens = TestTokenizer.Instance.TokenizeBatch(TestBundle.Texts, TestBundle.ContextLength);
        var expected = RunDirectly(TestBundle.TextTowerBytes(_spec), "token_ids", tokens, [TestBundle.Texts.Length, TestBundle.ContextLength]);
        Assert.Equal(TestBundle.Texts.Length, embeddings.Count);
        Vectors.AssertClose(expected, embeddings.Values, 1e-6);
    }

    [Fact]
    public void Text_embeddings_are_the_stand_in_towers_arithmetic_on_the_bundles_tokens()
    {
        using var bundle = TestBundle.Load(_path);

        var embeddings = bundle.TextEncoder.EmbedBatch(TestBundle.Texts);

        var table = StandInTowers.Weights(TestTokenizer.Instance.VocabularySize * TestBundle.EmbeddingSize, _spec.Seed + 1000);
        for (var row = 0; row < TestBundle.Texts.Length; row++)
        {
            var sum = new double[TestBundle.EmbeddingSize];
            foreach (var id in TestTokenizer.Instance.Tokenize(TestBundle.Texts[row], TestBundle.ContextLength))
            {
                for (var d = 0; d < sum.Length; d++)
                    sum[d] += table[(id * sum.Length) + d];
            }
            Vectors.AssertClose(Normalized(sum), embeddings[row], 1e-4, $"text {row}");
        }
    }

    [Fact]
    public void Batches_larger_than_the_maximum_are_split_into_identical_rows()
    {
        var crops = TestBundle.Crops(8);
        using var chunked = TestBundle.Load(_path, maxBatchSize: 3);
        using var whole = TestBundle.Load(_path, maxBatchSize: 32);

        var inChunks = chunked.ImageEncoder.EmbedBatch(crops);
        var inOneRun = whole.ImageEncoder.EmbedBatch(crops);
        var texts = chunked.TextEncoder.EmbedBatch(TestBundle.Texts);
        var textsInOneRun = whole.TextEncoder.EmbedBatch(TestBundle.Texts);

        Assert.Equal(3, chunked.ImageEncoder.MaxBatchSize);
        Vectors.AssertClose(inOneRun.Values, inChunks.Values, 1e-6);
        Vectors.AssertClose(textsInOneRun.Values, texts.Values, 1e-6);
        for (var row = 0; row < crops.Count; row++)
            Vectors.AssertClose(chunked.ImageEncoder.Embed(crops[row]), inChunks[row], 1e-6, $"crop {row}");
        for (var row = 0; row < TestBundle.Texts.Length; row++)
            Vectors.AssertClose(chunked.TextEncoder.Embed(TestBundle.Texts[row]), texts[row], 1e-6, $"text {row}");
    }

    [Fact]
    public void Preprocessed_pixels_give_the_same_embeddings_as_crops()
    {
        var crops = TestBundle.Crops(7);
        using var bundle = TestBundle.Load(_path, maxBatchSize: 3);
        var pixels = bundle.ImageEncoder.Preprocessor.PreprocessBatch(crops);

        var fromPixels = bundle.ImageEncoder.EmbedPreprocessed(pixels);

        Vectors.AssertClose(bundle.ImageEncoder.EmbedBatch(crops).Values, fromPixels.Values, 1e-6);
    }

    [Fact]
    public void Preprocessed_pixels_must_be_whole_images()
    {
        using var bundle = TestBundle.Load(_path);

        var error = Assert.Throws<ArgumentException>(() => bundle.ImageEncoder.EmbedPreprocessed(new float[(3 * TestBundle.Height * TestBundle.Width) + 1]));

        Assert.Contains("not a whole number of 3×16×8 images", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_embedding_is_unit_length()
    {
        using var bundle = TestBundle.Load(_path);

        var images = bundle.ImageEncoder.EmbedBatch(TestBundle.Crops(4));
        var texts = bundle.TextEncoder.EmbedBatch(TestBundle.Texts);

        foreach (var batch in new[] { images, texts })
        {
            for (var row = 0; row < batch.Count; row++)
            {
                var norm = Math.Sqrt(batch[row].ToArray().Sum(value => (double)value * value));
                Assert.InRange(norm, 1 - 1e-5, 1 + 1e-5);
            }
        }
    }

    [Fact]
    public void An_empty_request_gives_an_empty_batch()
    {
        using var bundle = TestBundle.Load(_path);

        var images = bundle.ImageEncoder.EmbedBatch([]);
        var texts = bundle.TextEncoder.EmbedBatch([]);
        var pixels = bundle.ImageEncoder.EmbedPreprocessed(ReadOnlyMemory<float>.Empty);

        Assert.Equal((0, TestBundle.EmbeddingSize), (images.Count, images.Dimension));
        Assert.Equal(0, texts.Count);
        Assert.Equal(0, pixels.Count);
    }

    [Fact]
    public void A_null_crop_or_text_is_refused_by_position()
    {
        using var bundle = TestBundle.Load(_path);
        var crops = TestBundle.Crops(3);
        crops[1] = null!;

        var imageError = Assert.Throws<ArgumentException>(() => bundle.ImageEncoder.EmbedBatch(crops));
        var textError = Assert.Throws<ArgumentException>(() => bundle.TextEncoder.EmbedBatch(["a man", "a woman", null!]));

        Assert.Contains("Crop 1 of the batch is null", imageError.Message, StringComparison.Ordinal);
        Assert.Contains("Text 2 of the batch is null", textError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_longer_than_the_context_is_cut_by_the_tokenizer()
    {
        using var bundle = TestBundle.Load(_path);
        // Within the default query limit (1000 characters), far beyond the 32-token context.
        var longText = string.Join(' ', Enumerable.Repeat("a woman in a red dress with a black bag", 20));
        var cut = TestTokenizer.Instance.Decode(TestTokenizer.Instance.Tokenize(longText, TestBundle.ContextLength).Select(id => (int)id).Where(id => id != 0));

        var embedding = bundle.TextEncoder.Embed(longText);

        // The same as embedding the text the context keeps (the tail is dropped, the end marker kept).
        Vectors.AssertClose(bundle.TextEncoder.Embed(cut), embedding, 1e-5);
    }

    [Fact]
    public void A_text_longer_than_the_query_limit_is_refused_by_position_and_limit()
    {
        using var bundle = ModelBundle.Load(_path, QueryLimited(10));
        var tooLong = new string('a', 11);

        var batchError = Assert.Throws<ArgumentException>(() => bundle.TextEncoder.EmbedBatch(["a man", "", tooLong]));
        var singleError = Assert.Throws<ArgumentException>(() => bundle.TextEncoder.Embed(tooLong));

        Assert.Equal(10, bundle.TextEncoder.MaxQueryCharacters);
        Assert.StartsWith("Text 2 of the batch has more than 10 characters, the limit (InferenceOptions.MaxQueryCharacters).", batchError.Message, StringComparison.Ordinal);
        Assert.Equal("texts", batchError.ParamName);
        Assert.StartsWith("The text has more than 10 characters, the limit (InferenceOptions.MaxQueryCharacters).", singleError.Message, StringComparison.Ordinal);
        Assert.Equal(TestBundle.EmbeddingSize, bundle.TextEncoder.Embed(new string('a', 10)).Length);
    }

    [Fact]
    public void The_query_limit_counts_unicode_characters_and_allows_empty_text()
    {
        using var limited = ModelBundle.Load(_path, QueryLimited(4));
        using var unlimited = TestBundle.Load(_path);
        var fourEmoji = "🙂🙂🙂🙂";
        var accented = "Ünïc";

        var embeddings = limited.TextEncoder.EmbedBatch([fourEmoji, accented, ""]);

        // Eight UTF-16 code units, four characters: within the limit, and embedded as without one.
        Assert.Equal(8, fourEmoji.Length);
        Assert.Equal(unlimited.TextEncoder.EmbedBatch([fourEmoji, accented, ""]).Values, embeddings.Values);
        var error = Assert.Throws<ArgumentException>(() => limited.TextEncoder.EmbedBatch([fourEmoji + "🙂"]));
        Assert.Contains("Text 0 of the batch has more than 4 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_query_limit_takes_ordinary_descriptions_and_refuses_a_huge_text()
    {
        using var bundle = TestBundle.Load(_path);
        var atLimit = string.Concat(Enumerable.Repeat("a man in a red coat ", 50));
        var huge = new string('x', 10_000_000);

        Assert.Equal(InferenceOptions.DefaultMaxQueryCharacters, bundle.TextEncoder.MaxQueryCharacters);
        Assert.Equal(InferenceOptions.DefaultMaxQueryCharacters, atLimit.Length);
        Assert.Equal(TestBundle.EmbeddingSize, bundle.TextEncoder.Embed(atLimit).Length);
        var error = Assert.Throws<ArgumentException>(() => bundle.TextEncoder.EmbedBatch(["a woman", huge]));
        Assert.Contains($"Text 1 of the batch has more than {InferenceOptions.DefaultMaxQueryCharacters} characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_limit_shorter_than_the_probe_texts_still_loads_the_bundle()
    {
        Assert.True(ProbeTexts.All.Max(text => text.Length) > 1);

        using var bundle = ModelBundle.Load(_path, QueryLimited(1));

        Assert.Equal(TestBundle.EmbeddingSize, bundle.TextEncoder.Embed("a").Length);
    }

    [Fact]
    public void Buffer_sizes_that_overflow_are_an_overflow_not_a_wrong_sized_buffer()
    {
        // Encoders made directly (the manifest's limits keep a loaded bundle from this): the sizes
        // are checked before any session run, so the stand-in sessions' shapes do not matter.
        using var imageTower = new TowerSession(new InferenceSession(TestBundle.ImageTowerBytes(_spec)), "pixels", "embedding", TestBundle.EmbeddingSize);
        using var textTower = new TowerSession(new InferenceSession(TestBundle.TextTowerBytes(_spec)), "token_ids", "embedding", TestBundle.EmbeddingSize);
        var huge = new ImageTowerManifest
        {
            Height = BundleManifest.MaxImageSide,
            Width = BundleManifest.MaxImageSide,
            Mean = ImageNormalization.Clip.Mean,
            Std = ImageNormalization.Clip.StandardDeviation,
        };
        var imageEncoder = new ImageEncoder(imageTower, huge, maxBatchSize: 1000);
        var textEncoder = new TextEncoder(textTower, TestTokenizer.Instance, contextLength: 1 << 30, maxBatchSize: 4, maxQueryCharacters: 100);
        var crop = TestBundle.Crops(1)[0];

        // 200 × 3 × 4096 × 4096 floats and 4 × 2^30 token ids exceed int.MaxValue.
        Assert.Throws<OverflowException>(() => imageEncoder.EmbedBatch(Enumerable.Repeat(crop, 200).ToList()));
        Assert.Throws<OverflowException>(() => textEncoder.EmbedBatch(["a", "b", "c", "d"]));
    }

    [Fact]
    public async Task Concurrent_calls_from_several_threads_give_identical_results()
    {
        var crops = TestBundle.Crops(6);
        using var bundle = TestBundle.Load(_path, maxBatchSize: 4);
        var expectedImages = bundle.ImageEncoder.EmbedBatch(crops).Values;
        var expectedTexts = bundle.TextEncoder.EmbedBatch(TestBundle.Texts).Values;
        using var start = new Barrier(6);

        var workers = Enumerable.Range(0, 6).Select(worker => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (var iteration = 0; iteration < 20; iteration++)
            {
                Assert.Equal(expectedImages, bundle.ImageEncoder.EmbedBatch(crops).Values);
                Assert.Equal(expectedTexts, bundle.TextEncoder.EmbedBatch(TestBundle.Texts).Values);
            }
        }, TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        await Task.WhenAll(workers);
    }

    [Fact]
    public void A_disposed_bundle_refuses_to_embed()
    {
        var bundle = TestBundle.Load(_path);
        bundle.Dispose();
        bundle.Dispose();

        Assert.True(bundle.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => bundle.ImageEncoder.EmbedBatch(TestBundle.Crops(1)));
        Assert.Throws<ObjectDisposedException>(() => bundle.TextEncoder.Embed("a man"));
    }

    [Fact]
    public void An_embedding_batch_gives_rows_in_request_order()
    {
        var batch = new EmbeddingBatch([1, 2, 3, 4, 5, 6], 3);

        Assert.Equal(2, batch.Count);
        Assert.Equal([4f, 5f, 6f], batch[1].ToArray());
        Assert.Equal([1f, 2f, 3f], batch.RowToArray(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => batch[2].ToArray());
        Assert.Throws<ArgumentException>(() => new EmbeddingBatch([1, 2, 3, 4], 3));
    }

    private static float[] RunDirectly<T>(byte[] model, string inputName, T[] input, long[] shape)
        where T : unmanaged
    {
        using var session = new InferenceSession(model);
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [inputName], [value], ["embedding"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private static InferenceOptions QueryLimited(int maxQueryCharacters)
    {
        var options = TestBundle.CpuOptions();
        options.MaxQueryCharacters = maxQueryCharacters;
        return options;
    }

    private static float[] Normalized(double[] values)
    {
        var norm = Math.Sqrt(values.Sum(value => value * value));
        return [.. values.Select(value => (float)(value / norm))];
    }
}
