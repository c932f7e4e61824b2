using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
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
    public void A_swap_to_a_bundle_with_absurd_sizes_fails_and_keeps_the_running_model()
    {
        using var serving = new ServingModel(_loader, _first);
        TestBundle.EditManifest(_second, manifest => manifest["image"]!["height"] = int.MaxValue);

        var result = serving.TrySwap(_second);

        Assert.False(result.Succeeded);
        Assert.Equal(BundleCheckStage.Manifest, Assert.IsType<ModelBundleException>(result.Error).Stage);
        Assert.Contains("image.height must be at most 4096", result.Reason, StringComparison.Ordinal);
        Assert.Equal("stand-in-1", serving.ModelVersion);
    }

    [Fact]
    public void A_swap_whose_load_fails_with_any_other_error_fails_and_keeps_the_running_model()
    {
        // A stand-in CUDA attempt that works once and then throws an error nobody expects.
        var logger = new RecordingLogger();
        var loads = 0;
        var selector = new ExecutionProviderSelector((_, _) =>
        {
            if (++loads > 1)
                throw new InvalidOperationException("an unexpected failure (stand-in)");
        });
        var loader = new ModelBundleLoader(new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Auto }, selector: selector);
        using var serving = new ServingModel(loader, _first, logger);

        var result = serving.TrySwap(_second);

        Assert.False(result.Succeeded);
        Assert.IsType<InvalidOperationException>(result.Error);
        Assert.Equal("an unexpected failure (stand-in)", result.Reason);
        Assert.Equal("stand-in-1", serving.ModelVersion);
        Assert.Contains(logger.Entries, entry => entry.Level == LogLevel.Error && entry.Message.Contains("still serving stand-in-1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cancelled_swap_is_not_reported_as_a_bad_bundle()
    {
        var loads = 0;
        var selector = new ExecutionProviderSelector((_, _) =>
        {
            if (++loads > 1)
                throw new OperationCanceledException("stand-in");
        });
        var loader = new ModelBundleLoader(new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Auto }, selector: selector);
        using var serving = new ServingModel(loader, _first);

        Assert.Throws<OperationCanceledException>(() => serving.TrySwap(_second));
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
        const int Workers = 4;
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
        var versionsSeen = new ConcurrentDictionary<(int Worker, string Version), byte>();
        using var stop = new CancellationTokenSource();
        using var failed = new ManualResetEventSlim();
        Exception? failure = null;

        // A round is published after each swap; every worker signals it once, after an embedding
        // call that began after the round was published and so after the swap. Waiting for all
        // signals, not for time to pass, makes every worker serve every model version in turn.
        var round = new CountdownEvent(Workers);
        var rounds = new List<CountdownEvent> { round };
        var calls = 0;
        var workers = Enumerable.Range(0, Workers).Select(worker => Task.Factory.StartNew(() =>
        {
            try
            {
                CountdownEvent? signalled = null;
                while (!stop.IsCancellationRequested)
                {
                    var current = Volatile.Read(ref round);
                    using (var lease = serving.Acquire())
                    {
                        seen.TryAdd(lease.Bundle, 0);
                        versionsSeen.TryAdd((worker, lease.ModelVersion), 0);
                        var (images, textEmbeddings) = expected[lease.ModelVersion];
                        Assert.Equal(images, lease.ImageEncoder.EmbedBatch(crops).Values);
                        Assert.Equal(textEmbeddings, lease.TextEncoder.EmbedBatch(texts).Values);
                    }
                    Interlocked.Increment(ref calls);
                    if (current != signalled)
                    {
                        current.Signal();
                        signalled = current;
                    }
                }
            }
            catch (Exception error)
            {
                Interlocked.CompareExchange(ref failure, error, null);
                failed.Set();
                throw;
            }
        }, TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        try
        {
            AllWorkersSignal(round);
            for (var swap = 0; swap < 12; swap++)
            {
                var result = serving.TrySwap(swap % 3 == 2 ? broken : swap % 2 == 0 ? _second : _first);
                Assert.Equal(swap % 3 != 2, result.Succeeded);
                var next = new CountdownEvent(Workers);
                rounds.Add(next);
                Volatile.Write(ref round, next);
                AllWorkersSignal(next);
            }
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
            }
            catch (TimeoutException)
            {
                Assert.Fail("The workers did not stop within a minute of being told to (stuck acquiring a lease?).");
            }
            serving.Dispose();
            foreach (var done in rounds)
                done.Dispose();
        }

        Assert.True(calls >= Workers * 13, $"only {calls} embedding calls ran during the swaps");
        var expectedVersions = Enumerable.Range(0, Workers).SelectMany(worker => new[] { (worker, "stand-in-1"), (worker, "stand-in-2") });
        Assert.Equal(expectedVersions.Order(), versionsSeen.Keys.Order());
        Assert.Equal(9, seen.Count); // the first bundle and one per successful swap
        Assert.All(seen.Keys, bundle => Assert.True(bundle.IsDisposed));

        // A worker that failed stops signalling: the wait ends on its error instead. The time limit
        // only turns a hang (a worker that can never acquire a lease, say) into a failure.
        void AllWorkersSignal(CountdownEvent done)
        {
            var signalledOrFailed = WaitHandle.WaitAny([done.WaitHandle, failed.WaitHandle], TimeSpan.FromMinutes(1));
            if (signalledOrFailed == 1)
                ExceptionDispatchInfo.Throw(Volatile.Read(ref failure)!);
            Assert.True(signalledOrFailed == 0, "The workers neither served the swapped model nor failed within a minute.");
        }
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
