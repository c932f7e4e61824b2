using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VfeTps.Stream.Inference.Tests;

public sealed class ServingModelTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _first;
    private readonly string _second;
    private readonly ModelBundleLoader _loader = new(TestBundle.CpuOptions(maxBatchSize: 4));

    public ServingModelTests()
    {
        _first = _temp.PathOf("first");
        _second = _temp.PathOf("second");
        TestBundle.Write(_first, new TestBundleSpec { ModelVersion = "stand-in-1", Seed = 1 });
        TestBundle.Write(_second, new TestBundleSpec { ModelVersion = "stand-in-2", Seed = 2 });
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_initial_bundle_serves()
    {
        using var serving = new ServingModel(_loader, _first);
        using var lease = serving.Acquire();

        Assert.Equal("stand-in-1", serving.ModelVersion);
        Assert.Equal("stand-in-1", lease.ModelVersion);
        Assert.Equal(TestBundle.EmbeddingSize, lease.ImageEncoder.Embed(TestBundle.Crops(1)[0]).Length);
    }

    [Fact]
    public void A_service_does_not_start_on_an_invalid_bundle()
    {
        var broken = _temp.PathOf("broken");
        TestBundle.Write(broken, new TestBundleSpec { Image = ImageTowerKind.Collapsed });

        var error = Assert.Throws<ModelBundleException>(() => new ServingModel(_loader, broken));

        Assert.Contains("collapsed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_swap_leaves_the_running_model_answering_identically()
    {
        var broken = _temp.PathOf("broken");
        TestBundle.Write(broken, new TestBundleSpec { ModelVersion = "stand-in-broken", Seed = 3, Text = TextTowerKind.Collapsed });
        var logger = new RecordingLogger();
        using var serving = new ServingModel(_loader, _first, logger);
        var (imagesBefore, textsBefore) = Embed(serving);

        var result = serving.TrySwap(broken);

        Assert.False(result.Succeeded);
        Assert.Equal("stand-in-1", result.ModelVersion);
        Assert.Equal("stand-in-1", result.PreviousModelVersion);
        var error = Assert.IsType<ModelBundleException>(result.Error);
        Assert.Equal(BundleCheckStage.Probe, error.Stage);
        Assert.Contains("text tower: collapsed embeddings", result.Reason, StringComparison.Ordinal);
        Assert.Equal("stand-in-1", serving.ModelVersion);
        var (imagesAfter, textsAfter) = Embed(serving);
        Assert.Equal(imagesBefore, imagesAfter);
        Assert.Equal(textsBefore, textsAfter);
        Assert.Contains(logger.Entries, entry => entry.Level == LogLevel.Error && entry.Message.Contains("still serving stand-in-1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_swap_to_a_missing_or_corrupt_bundle_fails_the_same_way()
    {
        using var serving = new ServingModel(_loader, _first);
        File.WriteAllBytes(Path.Combine(_second, "text-tower.onnx"), [1, 2, 3]);

        var missing = serving.TrySwap(_temp.PathOf("nowhere"));
        var corrupt = serving.TrySwap(_second);

        Assert.False(missing.Succeeded);
        Assert.Contains("does not exist", missing.Reason, StringComparison.Ordinal);
        Assert.False(corrupt.Succeeded);
        Assert.Contains("checksum mismatch", corrupt.Reason, StringComparison.Ordinal);
        Assert.Equal("stand-in-1", serving.ModelVersion);
    }

    [Fact]
    public void A_swap_that_loses_a_demanded_cuda_provider_keeps_the_running_model()
    {
        // Stand-in CUDA that loads for the first bundle and then disappears (a driver upgrade, say).
        var loads = 0;
        var selector = new ExecutionProviderSelector((_, _) =>
        {
            if (++loads > 1)
                throw new DllNotFoundException("libcuda.so.1: cannot open shared object file (stand-in)");
        });
        var loader = new ModelBundleLoader(new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Cuda }, selector: selector);
        using var serving = new ServingModel(loader, _first);

        var result = serving.TrySwap(_second);

        Assert.False(result.Succeeded);
        Assert.IsType<ExecutionProviderUnavailableException>(result.Error);
        Assert.Equal("stand-in-1", serving.ModelVersion);
    }

    [Fact]
    public void A_successful_swap_changes_the_model()
    {
        var logger = new RecordingLogger();
        using var serving = new ServingModel(_loader, _first, logger);
        var (imagesBefore, textsBefore) = Embed(serving);

        var result = serving.TrySwap(_second);

        Assert.True(result.Succeeded);
        Assert.Null(result.Error);
        Assert.Null(result.Reason);
        Assert.Equal("stand-in-2", result.ModelVersion);
        Assert.Equal("stand-in-1", result.PreviousModelVersion);
        Assert.Equal("stand-in-2", serving.ModelVersion);
        var (imagesAfter, textsAfter) = Embed(serving);
        Assert.NotEqual(imagesBefore, imagesAfter);
        Assert.NotEqual(textsBefore, textsAfter);
        Assert.Contains(logger.Entries, entry => entry.Message.Contains("Now serving model stand-in-2 (was stand-in-1)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_swapped_out_model_stays_open_until_its_last_lease_is_returned()
    {
        using var serving = new ServingModel(_loader, _first);
        var lease = serving.Acquire();
        var expected = lease.ImageEncoder.EmbedBatch(TestBundle.Crops(3)).Values;

        Assert.True(serving.TrySwap(_second).Succeeded);

        Assert.False(lease.Bundle.IsDisposed);
        Assert.Equal("stand-in-1", lease.ModelVersion);
        Assert.Equal(expected, lease.ImageEncoder.EmbedBatch(TestBundle.Crops(3)).Values);
        using (var fresh = serving.Acquire())
            Assert.Equal("stand-in-2", fresh.ModelVersion);
        lease.Dispose();
        Assert.True(lease.Bundle.IsDisposed);
        lease.Dispose();
    }

    [Fact]
    public void A_swapped_out_model_with_no_lease_is_disposed_at_once()
    {
        using var serving = new ServingModel(_loader, _first);
        ModelBundle first;
        using (var lease = serving.Acquire())
            first = lease.Bundle;

        serving.TrySwap(_second);

        Assert.True(first.IsDisposed);
    }

    [Fact]
    public async Task Concurrent_embeds_during_swaps_never_run_on_a_disposed_model()
    {
        var crops = TestBundle.Crops(5);
        var texts = TestBundle.Texts;
        var expected = new Dictionary<string, (float[] Images, float[] Texts)>();
        foreach (var path in new[] { _first, _second })
        {
            using var bundle = _loader.Load(path);
            expected[bundle.ModelVersion] = (bundle.ImageEncoder.EmbedBatch(crops).Values, bundle.TextEncoder.EmbedBatch(texts).Values);
        }
        var broken = _temp.PathOf("broken");
        TestBundle.Write(broken, new TestBundleSpec { Image = ImageTowerKind.NaN });

        var serving = new ServingModel(_loader, _first);
        var seen = new ConcurrentDictionary<ModelBundle, byte>();
        var versionsSeen = new ConcurrentDictionary<string, byte>();
        using var stop = new CancellationTokenSource();
        var calls = 0;
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var lease = serving.Acquire();
                seen.TryAdd(lease.Bundle, 0);
                versionsSeen.TryAdd(lease.ModelVersion, 0);
                var (images, textEmbeddings) = expected[lease.ModelVersion];
                Assert.Equal(images, lease.ImageEncoder.EmbedBatch(crops).Values);
                Assert.Equal(textEmbeddings, lease.TextEncoder.EmbedBatch(texts).Values);
                Interlocked.Increment(ref calls);
            }
        }, TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        for (var swap = 0; swap < 12; swap++)
        {
            var result = serving.TrySwap(swap % 3 == 2 ? broken : swap % 2 == 0 ? _second : _first);
            Assert.Equal(swap % 3 != 2, result.Succeeded);
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        serving.Dispose();

        Assert.True(calls > 12, $"only {calls} embedding calls ran during the swaps");
        Assert.Equal(["stand-in-1", "stand-in-2"], versionsSeen.Keys.Order(StringComparer.Ordinal));
        Assert.All(seen.Keys, bundle => Assert.True(bundle.IsDisposed));
    }

    [Fact]
    public void A_disposed_service_gives_no_new_leases_but_honours_held_ones()
    {
        var serving = new ServingModel(_loader, _first);
        var lease = serving.Acquire();

        serving.Dispose();

        Assert.Throws<ObjectDisposedException>(() => serving.Acquire());
        Assert.Throws<ObjectDisposedException>(() => serving.TrySwap(_second));
        Assert.False(lease.Bundle.IsDisposed);
        Assert.Equal(TestBundle.EmbeddingSize, lease.TextEncoder.Embed("a man").Length);
        lease.Dispose();
        Assert.True(lease.Bundle.IsDisposed);
        serving.Dispose();
    }

    private static (float[] Images, float[] Texts) Embed(ServingModel serving)
    {
        using var lease = serving.Acquire();
        return (lease.ImageEncoder.EmbedBatch(TestBundle.Crops(4)).Values, lease.TextEncoder.EmbedBatch(TestBundle.Texts).Values);
    }
}
