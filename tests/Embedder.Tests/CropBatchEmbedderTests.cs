using System.Diagnostics.Metrics;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Preprocessing;
using VfeTps.Stream.VectorIndex;

namespace VfeTps.Stream.Embedder.Tests;

public sealed class CropBatchEmbedderTests(RealModel model)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Valid_crops_become_searchable_with_their_payload()
    {
        await using var rig = await EmbedderRig.CreateAsync(model);
        var crops = new[] { SyntheticCrops.Event("lobby", 1, 0), SyntheticCrops.Event("lobby", 2, 0), SyntheticCrops.Event("gate-2", 1, 1, quality: 0.5f) };
        var images = new List<RgbImage>();
        for (var i = 0; i < crops.Length; i++)
        {
            images.Add(await SyntheticCrops.StoreAsync(rig.Blobs, crops[i], seed: i));
        }

        Assert.Equal(3, await rig.EmbedAsync(crops));

        Assert.Equal(3, await rig.CountAsync());
        Assert.Empty(rig.DeadLetters.Letters);
        for (var i = 0; i < crops.Length; i++)
        {
            var crop = crops[i];
            var stored = await rig.GetAsync(crop.CropId);
            Assert.NotNull(stored);
            Assert.Equal(
                new CropPayload(crop.CameraId, crop.TrackId, crop.ShotIndex, crop.CaptureTime, crop.Box, crop.Quality, crop.CropKey, crop.FrameKey, model.ModelVersion),
                stored.Payload);

            // Searching with the crop's own embedding finds it first, with cosine similarity 1.
            var hits = await rig.Index.SearchAsync(new VectorQuery(model.EmbedNormalised(images[i]), 3), TestContext.Current.CancellationToken);
            Assert.Equal(crop.CropId, hits[0].CropId);
            Assert.Equal(1.0, hits[0].Score, 3);
        }
    }

    [Fact]
    public async Task The_stored_vector_is_the_image_towers_embedding_of_the_decoded_jpeg()
    {
        await using var rig = await EmbedderRig.CreateAsync(model);
        var crops = Enumerable.Range(0, 5).Select(track => SyntheticCrops.Event("lobby", track, 0)).ToArray();
        var images = new List<RgbImage>();
        for (var i = 0; i < crops.Length; i++)
        {
            images.Add(await SyntheticCrops.StoreAsync(rig.Blobs, crops[i], seed: 100 + i));
        }

        await rig.EmbedAsync(crops);

        for (var i = 0; i < crops.Length; i++)
        {
            var expected = model.EmbedNormalised(images[i]);
            var stored = await rig.GetAsync(crops[i].CropId);
            Assert.NotNull(stored);

            // Embedded in a batch of five vs on its own: the same up to float rounding.
            Assert.True(Vectors.MaxDifference(expected, stored.Vector) < 1e-4, $"Crop {i}: stored vector differs from the tower's embedding by {Vectors.MaxDifference(expected, stored.Vector)}.");
        }

        // Different crops do get different vectors (the comparison above could not pass by accident).
        var first = await rig.GetAsync(crops[0].CropId);
        var second = await rig.GetAsync(crops[1].CropId);
        Assert.True(Vectors.MaxDifference(first!.Vector, second!.Vector) > 1e-2, "Two different crops got the same vector.");
    }

    [Fact]
    public async Task A_redelivered_crop_replaces_its_earlier_copy()
    {
        await using var rig = await EmbedderRig.CreateAsync(model);
        var first = SyntheticCrops.Event("lobby", 7, 0, quality: 0.4f);
        await SyntheticCrops.StoreAsync(rig.Blobs, first, seed: 1);
        await rig.EmbedAsync(first);

        // The same crop id again, with a new JPEG and quality (PersonCrop re-ran after a restart).
        var again = first with { Quality = 0.9f };
        var newImage = await SyntheticCrops.StoreAsync(rig.Blobs, again, seed: 2);
        Assert.Equal(1, await rig.EmbedAsync(again));

        Assert.Equal(1, await rig.CountAsync());
        var stored = await rig.GetAsync(first.CropId);
        Assert.NotNull(stored);
        Assert.Equal(0.9f, stored.Payload.Quality);
        Assert.True(Vectors.MaxDifference(model.EmbedNormalised(newImage), stored.Vector) < 1e-4, "The replaced vector is not the new JPEG's.");
    }

    [Fact]
    public async Task The_same_crop_twice_in_one_batch_is_indexed_once_keeping_the_later_copy()
    {
        await using var rig = await EmbedderRig.CreateAsync(model);
        var crop = SyntheticCrops.Event("lobby", 3, 1, quality: 0.2f);
        await SyntheticCrops.StoreAsync(rig.Blobs, crop, seed: 5);
        var other = SyntheticCrops.Event("lobby", 4, 0);
        await SyntheticCrops.StoreAsync(rig.Blobs, other, seed: 6);

        Assert.Equal(2, await rig.EmbedAsync(crop, other, crop with { Quality = 0.8f }));

        Assert.Equal(2, await rig.CountAsync());
        Assert.Equal(0.8f, (await rig.GetAsync(crop.CropId))!.Payload.Quality);
        Assert.Equal(2, rig.DrainEmbedded().Count);
    }

    public static TheoryData<string, Func<PersonCropped, PersonCropped>, string> MalformedEvents => new()
    {
        { "crop id of another camera", crop => crop with { CropId = CropIds.Create("other", crop.TrackId, crop.ShotIndex) }, "does not match" },
        { "crop id of another track", crop => crop with { CropId = CropIds.Create(crop.CameraId, crop.TrackId + 1, crop.ShotIndex) }, "does not match" },
        { "crop id of another shot", crop => crop with { CropId = CropIds.Create(crop.CameraId, crop.TrackId, crop.ShotIndex + 1) }, "does not match" },
        { "not a crop id", crop => crop with { CropId = "lobby/9/0" }, "not a crop id" },
        { "empty box", crop => crop with { Box = crop.Box with { Width = 0 } }, "empty" },
        { "negative box", crop => crop with { Box = crop.Box with { Height = -4 } }, "empty" },
        { "crop key escaping the store", crop => crop with { CropKey = "../../etc/passwd" }, "is not the key of crop" },
        { "absolute frame key", crop => crop with { FrameKey = "/frames/lobby/1.jpg" }, "blob key" },
        { "NaN quality", crop => crop with { Quality = float.NaN }, "quality" },
        { "infinite quality", crop => crop with { Quality = float.PositiveInfinity }, "quality" },
    };

    [Theory]
    [MemberData(nameof(MalformedEvents))]
    public async Task A_malformed_event_is_dead_lettered_with_a_reason_and_the_rest_of_the_batch_is_indexed(
        string what, Func<PersonCropped, PersonCropped> spoil, string reasonMentions)
    {
        await using var rig = await EmbedderRig.CreateAsync(model);
        var good = SyntheticCrops.Event("lobby", 1, 0);
        var bad = spoil(SyntheticCrops.Event("lobby", 9, 0));
        await SyntheticCrops.StoreAsync(rig.Blobs, good, seed: 1);
        await SyntheticCrops.StoreAsync(rig.Blobs, SyntheticCrops.Event("lobby", 9, 0), seed: 9);

        Assert.Equal(1, await rig.EmbedAsync(bad, good));

        Assert.Equal(1, await rig.CountAsync());
        Assert.NotNull(await rig.GetAsync(good.CropId));
        var letter = Assert.Single(rig.DeadLetters.Letters);
        Assert.Equal("Embedder", letter.Stage);
        Assert.Equal(bad.CropId, letter.Key);
        Assert.Contains("malformed", letter.Reason, StringComparison.Ordinal);
        Assert.True(letter.Reason.Contains(reasonMentions, StringComparison.Ordinal), $"{what}: the reason '{letter.Reason}' does not say '{reasonMentions}'.");
        Assert.Equal(rig.Clock.GetUtcNow(), letter.At);
        Assert.Equal([good.CropId], rig.DrainEmbedded().Select(e => e.Crop.CropId));
    }

    [Fact]
    public async Task A_null_event_is_dead_lettered_and_the_rest_of_the_batch_is_indexed()
    {
        await using var rig = await EmbedderRig.CreateAsync(model);
        var good = SyntheticCrops.Event("lobby", 1, 0);
        await SyntheticCrops.StoreAsync(rig.Blobs, good, seed: 1);

        Assert.Equal(1, await rig.EmbedAsync(null!, good));

        var letter = Assert.Single(rig.DeadLetters.Letters);
        Assert.Null(letter.Key);
        Assert.Contains("null", letter.Reason, StringComparison.Ordinal);
        Assert.Equal(1, await rig.CountAsync());
    }

    [Fact]
    public async Task A_crop_whose_jpeg_is_missing_is_dead_lettered_and_the_rest_indexed()
    {
        await using var rig = await EmbedderRig.CreateAsync(model);
        var good = SyntheticCrops.Event("lobby", 1, 0);
        var missing = SyntheticCrops.Event("lobby", 2, 0);
        await SyntheticCrops.StoreAsync(rig.Blobs, good, seed: 1);

        Assert.Equal(1, await rig.EmbedAsync(good, missing));

        var letter = rig.DeadLetters.Single(missing.CropId);
        Assert.Contains(missing.CropKey, letter.Reason, StringComparison.Ordinal);
        Assert.Contains("not in the blob store", letter.Reason, StringComparison.Ordinal);
        Assert.Contains("lobby track 2 shot 0", letter.Payload, StringComparison.Ordinal);
        Assert.Null(await rig.GetAsync(missing.CropId));
        Assert.NotNull(await rig.GetAsync(good.CropId));
    }

    public static TheoryData<string, byte[]> CorruptJpegs => new()
    {
        { "truncated", SyntheticCrops.Jpeg(3)[..200] },
        { "not an image", "this is not a JPEG at all"u8.ToArray() },
        { "empty file", [] },
        { "JPEG signature then garbage", GarbageAfterSignature(SyntheticCrops.Jpeg(3)) },
    };

    [Theory]
    [MemberData(nameof(CorruptJpegs))]
    public async Task A_crop_whose_jpeg_is_corrupt_is_dead_lettered_and_the_rest_indexed(string what, byte[] jpeg)
    {
        await using var rig = await EmbedderRig.CreateAsync(model);
        var good = SyntheticCrops.Event("lobby", 1, 0);
        var corrupt = SyntheticCrops.Event("lobby", 2, 0);
        await SyntheticCrops.StoreAsync(rig.Blobs, good, seed: 1);
        await rig.Blobs.PutAsync(corrupt.CropKey, jpeg, TestContext.Current.CancellationToken);

        Assert.Equal(1, await rig.EmbedAsync(corrupt, good));

        var letter = rig.DeadLetters.Single(corrupt.CropId);
        Assert.True(letter.Reason.Contains(corrupt.CropKey, StringComparison.Ordinal), $"{what}: the reason '{letter.Reason}' does not name the crop's key.");
        Assert.Equal(1, await rig.CountAsync());
        Assert.NotNull(await rig.GetAsync(good.CropId));
    }

    [Fact]
    public async Task A_batch_of_only_bad_crops_writes_nothing_and_dead_letters_each()
    {
        await using var rig = await EmbedderRig.CreateAsync(model);
        var missing = SyntheticCrops.Event("lobby", 1, 0);
        var malformed = SyntheticCrops.Event("lobby", 2, 0) with { Quality = float.NaN };

        Assert.Equal(0, await rig.EmbedAsync(missing, malformed));
        Assert.Equal(0, await rig.EmbedAsync());

        Assert.Equal(0, await rig.CountAsync());
        Assert.Equal(2, rig.DeadLetters.Letters.Count);
        Assert.Empty(rig.DrainEmbedded());
    }

    [Fact]
    public async Task An_index_of_another_model_version_gets_nothing_written()
    {
        await using var rig = await EmbedderRig.CreateAsync(model, indexName: "some-older-model");
        var crop = SyntheticCrops.Event("lobby", 1, 0);
        await SyntheticCrops.StoreAsync(rig.Blobs, crop, seed: 1);

        Assert.Equal(0, await rig.EmbedAsync(crop));

        Assert.Equal(0, await rig.CountAsync());
        Assert.Empty(rig.DrainEmbedded());

        // Dead-lettered with the reason, so the crop can be found for a backfill; its JPEG stays stored.
        var letter = Assert.Single(rig.DeadLetters.Letters);
        Assert.Equal(crop.CropId, letter.Key);
        Assert.Contains("is not the model of the vector index", letter.Reason, StringComparison.Ordinal);
        Assert.True(await rig.Blobs.ExistsAsync(crop.CropKey, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_failed_index_write_is_tried_once_more_and_succeeds()
    {
        FailingWritesIndex? failing = null;
        await using var rig = await EmbedderRig.CreateAsync(
            model, wrapIndex: real => failing = new FailingWritesIndex(real, failures: 1), options: new EmbedderOptions { WriteRetryDelay = TimeSpan.Zero });
        var crop = SyntheticCrops.Event("lobby", 1, 0);
        await SyntheticCrops.StoreAsync(rig.Blobs, crop, seed: 1);

        Assert.Equal(1, await rig.EmbedAsync(crop));

        Assert.Equal(2, failing!.Attempts);
        Assert.NotNull(await rig.GetAsync(crop.CropId));
        Assert.Empty(rig.DeadLetters.Letters);
    }

    [Fact]
    public async Task Crops_of_a_write_that_fails_twice_are_dead_lettered_each_with_the_reason()
    {
        await using var rig = await EmbedderRig.CreateAsync(
            model, wrapIndex: real => new FailingWritesIndex(real, failures: 2), options: new EmbedderOptions { WriteRetryDelay = TimeSpan.Zero });
        var crops = new[] { SyntheticCrops.Event("lobby", 1, 0), SyntheticCrops.Event("lobby", 2, 0) };
        for (var i = 0; i < crops.Length; i++)
        {
            await SyntheticCrops.StoreAsync(rig.Blobs, crops[i], seed: i);
        }

        Assert.Equal(0, await rig.EmbedAsync(crops));

        Assert.Equal(crops.Select(c => c.CropId).Order(), rig.DeadLetters.Letters.Select(l => l.Key).Order());
        Assert.All(rig.DeadLetters.Letters, letter => Assert.Contains("No space left on device", letter.Reason, StringComparison.Ordinal));
        Assert.Empty(rig.DrainEmbedded());
    }

    [Fact]
    public async Task CropEmbedded_is_published_for_each_indexed_crop()
    {
        await using var rig = await EmbedderRig.CreateAsync(model);
        var crops = Enumerable.Range(0, 4).Select(track => SyntheticCrops.Event("lobby", track, 0)).ToArray();
        for (var i = 0; i < crops.Length; i++)
        {
            await SyntheticCrops.StoreAsync(rig.Blobs, crops[i], seed: i);
        }

        var missing = SyntheticCrops.Event("lobby", 99, 0);
        rig.Clock.Advance(TimeSpan.FromSeconds(2));

        await rig.EmbedAsync([.. crops, missing]);

        var published = rig.DrainEmbedded();
        Assert.Equal(crops.Select(c => c.CropId).Order(StringComparer.Ordinal), published.Select(e => e.Crop.CropId).Order(StringComparer.Ordinal));
        foreach (var notice in published)
        {
            Assert.Same(crops.Single(c => c.CropId == notice.Crop.CropId), notice.Crop);
            Assert.Equal(model.ModelVersion, notice.ModelVersion);
            Assert.Equal(rig.Clock.GetUtcNow(), notice.IndexedAt);
            var stored = await rig.GetAsync(notice.Crop.CropId);
            Assert.True(Vectors.MaxDifference(Vectors.Normalised(notice.Vector), stored!.Vector) < 1e-5, "The published vector is not the indexed one.");
        }
    }

    [Fact]
    public async Task A_full_CropEmbedded_stream_neither_blocks_nor_fails_the_batch()
    {
        await using var rig = await EmbedderRig.CreateAsync(model, embeddedCapacity: 1);
        Assert.True(rig.Embedded.TryPublish(new CropEmbedded(SyntheticCrops.Event("old", 1, 0), model.ModelVersion, new float[model.Dimension], rig.Clock.GetUtcNow())));
        var crops = Enumerable.Range(0, 3).Select(track => SyntheticCrops.Event("lobby", track, 0)).ToArray();
        for (var i = 0; i < crops.Length; i++)
        {
            await SyntheticCrops.StoreAsync(rig.Blobs, crops[i], seed: i);
        }

        // Nobody reads the CropEmbedded stream: the batch must still complete.
        var indexed = await rig.EmbedAsync(crops).WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal(3, indexed);
        Assert.Equal(3, await rig.CountAsync());
        Assert.Equal(1, rig.Embedded.Backlog);
    }

    [Fact]
    public async Task Indexed_and_refused_crops_are_counted_in_the_embedders_meter()
    {
        await using var rig = await EmbedderRig.CreateAsync(model);
        var counts = new Dictionary<string, long>();
        using var listener = new MeterListener
        {
            // Only this rig's meter: other tests run their own Embedders in parallel.
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, rig.MeterFactory) && instrument.Meter.Name == EmbedderMetrics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (counts)
            {
                counts[instrument.Name] = counts.GetValueOrDefault(instrument.Name) + value;
            }
        });
        listener.Start();
        var good = SyntheticCrops.Event("lobby", 1, 0);
        await SyntheticCrops.StoreAsync(rig.Blobs, good, seed: 1);

        await rig.EmbedAsync(good, SyntheticCrops.Event("lobby", 2, 0), SyntheticCrops.Event("lobby", 3, 0) with { Quality = float.NaN });

        Assert.Equal(1, counts.GetValueOrDefault("vfetps.embedder.crops_indexed"));
        Assert.Equal(2, counts.GetValueOrDefault("vfetps.embedder.crops_refused"));
    }

    [Fact]
    public async Task A_cancelled_batch_throws_and_writes_nothing()
    {
        await using var rig = await EmbedderRig.CreateAsync(model);
        var crop = SyntheticCrops.Event("lobby", 1, 0);
        await SyntheticCrops.StoreAsync(rig.Blobs, crop, seed: 1);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rig.Embedder.EmbedAsync([crop], new CancellationToken(canceled: true)));

        Assert.Equal(0, await rig.CountAsync());
        Assert.Empty(rig.DeadLetters.Letters);
    }

    /// <summary>A JPEG's start-of-image marker followed by noise: it claims to be a JPEG and has no valid header.</summary>
    private static byte[] GarbageAfterSignature(byte[] jpeg)
    {
        var damaged = new byte[jpeg.Length];
        new Random(7).NextBytes(damaged);
        jpeg.AsSpan(0, 2).CopyTo(damaged);
        return damaged;
    }
}
