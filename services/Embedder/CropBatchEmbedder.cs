using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Inference;
using VfeTps.Stream.Messaging;
using VfeTps.Stream.Preprocessing;
using VfeTps.Stream.Storage;
using VfeTps.Stream.VectorIndex;

namespace VfeTps.Stream.Embedder;

/// <summary>
/// Embeds one micro-batch of crops and writes them to the vector index. A crop that cannot be used
/// (malformed event, missing or corrupt JPEG) is dead-lettered and the rest of the batch goes on.
/// Writes are upserts by crop id, so a redelivered crop replaces its earlier vector.
/// </summary>
public sealed partial class CropBatchEmbedder(
    ServingModel servingModel,
    IVectorIndex index,
    IBlobStore blobs,
    IDeadLetterSink deadLetters,
    IEventPublisher<CropEmbedded> embedded,
    EmbedderMetrics metrics,
    IOptions<EmbedderOptions> options,
    TimeProvider timeProvider,
    ILogger<CropBatchEmbedder> logger)
{
    private const string Stage = "Embedder";

    /// <summary>Processes the batch; returns how many crops became searchable.</summary>
    public async Task<int> EmbedAsync(IReadOnlyList<PersonCropped> batch, CancellationToken cancellationToken)
    {
        var decoded = await DecodeAsync(batch, cancellationToken).ConfigureAwait(false);
        if (decoded.Count == 0)
        {
            return 0;
        }

        using var lease = servingModel.Acquire();
        if (lease.ModelVersion != index.Name)
        {
            // Never mix two models' vectors in one collection; the crops stay in the blob store for a backfill.
            LogModelMismatch(lease.ModelVersion, index.Name, decoded.Count);
            return 0;
        }

        var started = Stopwatch.GetTimestamp();
        var embeddings = lease.ImageEncoder.EmbedBatch(decoded.Select(crop => crop.Image).ToArray());
        var embedMilliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var points = new CropVector[decoded.Count];
        for (var i = 0; i < decoded.Count; i++)
        {
            var crop = decoded[i].Event;
            points[i] = new CropVector(crop.CropId, embeddings.RowToArray(i), new CropPayload(
                crop.CameraId, crop.TrackId, crop.ShotIndex, crop.CaptureTime, crop.Box, crop.Quality, crop.CropKey, crop.FrameKey, lease.ModelVersion));
        }

        await index.UpsertAsync(points, cancellationToken).ConfigureAwait(false);
        var indexedAt = timeProvider.GetUtcNow();
        metrics.BatchIndexed(points.Length, embedMilliseconds);
        foreach (var (point, (crop, _)) in points.Zip(decoded))
        {
            metrics.Searchable(crop.CameraId, indexedAt - crop.CaptureTime);

            // Observers (watchlists, latency statistics) are best-effort: never hold the pipeline for them.
            embedded.TryPublish(new CropEmbedded(crop, lease.ModelVersion, point.Vector, indexedAt));
        }

        return points.Length;
    }

    private async Task<List<DecodedCrop>> DecodeAsync(IReadOnlyList<PersonCropped> batch, CancellationToken cancellationToken)
    {
        var results = new DecodedCrop?[batch.Count];
        await Parallel.ForAsync(0, batch.Count, new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Value.DecodeParallelism,
            CancellationToken = cancellationToken,
        }, async (i, token) => results[i] = await DecodeOneAsync(batch[i], token).ConfigureAwait(false)).ConfigureAwait(false);

        // The same crop twice in one batch (a redelivery): keep the later copy.
        return results.OfType<DecodedCrop>().GroupBy(crop => crop.Event.CropId).Select(group => group.Last()).ToList();
    }

    private async Task<DecodedCrop?> DecodeOneAsync(PersonCropped crop, CancellationToken cancellationToken)
    {
        var problem = PersonCroppedValidation.Problem(crop);
        if (problem is not null)
        {
            await RefuseAsync(crop?.CropId, $"malformed PersonCropped: {problem}", crop, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var jpeg = await blobs.GetAsync(crop.CropKey, cancellationToken).ConfigureAwait(false);
        if (jpeg is null)
        {
            await RefuseAsync(crop.CropId, $"the crop image '{crop.CropKey}' is not in the blob store", crop, cancellationToken).ConfigureAwait(false);
            return null;
        }

        try
        {
            return new DecodedCrop(crop, ImageFiles.Decode(jpeg, crop.CropKey));
        }
        catch (ImageDecodeException exception)
        {
            await RefuseAsync(crop.CropId, exception.Message, crop, cancellationToken).ConfigureAwait(false);
            return null;
        }
    }

    private async Task RefuseAsync(string? cropId, string reason, PersonCropped? crop, CancellationToken cancellationToken)
    {
        metrics.CropRefused();
        LogRefused(cropId, reason);
        var payload = crop is null ? null : $"{crop.CameraId} track {crop.TrackId} shot {crop.ShotIndex} at {crop.CaptureTime:O}";
        await deadLetters.WriteAsync(new DeadLetter(Stage, cropId, reason, timeProvider.GetUtcNow(), payload), cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Crop {CropId} dead-lettered: {Reason}")]
    private partial void LogRefused(string? cropId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The serving model is {ModelVersion} but the vector index holds {IndexName}; {Count} crops were not indexed (they stay stored for a backfill)")]
    private partial void LogModelMismatch(string modelVersion, string indexName, int count);

    private sealed record DecodedCrop(PersonCropped Event, RgbImage Image);
}
