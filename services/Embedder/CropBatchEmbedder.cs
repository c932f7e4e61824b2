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

    /// <summary>
    /// Processes the batch; returns how many crops became searchable. Every other crop of the batch is
    /// dead-lettered with its reason: nothing is dropped silently, whatever fails.
    /// </summary>
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
            // Never mix two models' vectors in one collection; the dead letters name the crops for a backfill.
            LogModelMismatch(lease.ModelVersion, index.Name, decoded.Count);
            await RefuseAllAsync(decoded, $"the serving model {lease.ModelVersion} is not the model of the vector index ({index.Name})", cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var started = Stopwatch.GetTimestamp();
        EmbeddingBatch embeddings;
        try
        {
            embeddings = lease.ImageEncoder.EmbedBatch(decoded.Select(crop => crop.Image).ToArray());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await RefuseAllAsync(decoded, $"the image tower failed: {exception.Message}", cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var embedMilliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var points = new List<(CropVector Point, PersonCropped Crop)>(decoded.Count);
        for (var i = 0; i < decoded.Count; i++)
        {
            var crop = decoded[i].Event;
            var vector = embeddings.RowToArray(i);
            if (!IsUsable(vector))
            {
                // One bad vector must not make the index refuse the whole batch.
                await RefuseAsync(crop.CropId, "the image tower gave a non-finite or zero embedding", crop, cancellationToken).ConfigureAwait(false);
                continue;
            }

            points.Add((new CropVector(crop.CropId, vector, new CropPayload(
                crop.CameraId, crop.TrackId, crop.ShotIndex, crop.CaptureTime, crop.Box, crop.Quality, crop.CropKey, crop.FrameKey, lease.ModelVersion)), crop));
        }

        if (points.Count == 0)
        {
            return 0;
        }

        var failure = await WriteAsync(points.Select(p => p.Point).ToArray(), cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            await RefuseAllAsync(points.Select(p => p.Crop), $"the vector index refused the write: {failure}", cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var indexedAt = timeProvider.GetUtcNow();
        metrics.BatchIndexed(points.Count, embedMilliseconds);
        foreach (var (point, crop) in points)
        {
            metrics.Searchable(crop.CameraId, indexedAt - crop.CaptureTime);

            // Observers (watchlists, latency statistics) are best-effort: never hold the pipeline for them.
            embedded.TryPublish(new CropEmbedded(crop, lease.ModelVersion, point.Vector, indexedAt));
        }

        return points.Count;
    }

    /// <summary>Writes the points, trying once more after a pause; null on success, otherwise the last error.</summary>
    private async Task<string?> WriteAsync(CropVector[] points, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await index.UpsertAsync(points, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogWriteFailed(exception, points.Length, attempt);
                if (attempt >= 2)
                {
                    return exception.Message;
                }
            }

            await Task.Delay(options.Value.WriteRetryDelay, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsUsable(float[] vector)
    {
        var sum = 0.0;
        foreach (var value in vector)
        {
            if (!float.IsFinite(value))
            {
                return false;
            }

            sum += value * value;
        }

        return sum > 0;
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

        byte[]? jpeg;
        try
        {
            jpeg = await blobs.GetAsync(crop.CropKey, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await RefuseAsync(crop.CropId, $"the crop image '{crop.CropKey}' could not be read: {exception.Message}", crop, cancellationToken).ConfigureAwait(false);
            return null;
        }

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

    private async Task RefuseAllAsync(IEnumerable<DecodedCrop> crops, string reason, CancellationToken cancellationToken) =>
        await RefuseAllAsync(crops.Select(crop => crop.Event), reason, cancellationToken).ConfigureAwait(false);

    private async Task RefuseAllAsync(IEnumerable<PersonCropped> crops, string reason, CancellationToken cancellationToken)
    {
        foreach (var crop in crops)
        {
            await RefuseAsync(crop.CropId, reason, crop, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RefuseAsync(string? cropId, string reason, PersonCropped? crop, CancellationToken cancellationToken)
    {
        metrics.CropRefused();
        LogRefused(cropId, reason);
        var payload = crop is null ? null : $"{crop.CameraId} track {crop.TrackId} shot {crop.ShotIndex} at {crop.CaptureTime:O}";
        try
        {
            await deadLetters.WriteAsync(new DeadLetter(Stage, cropId, reason, timeProvider.GetUtcNow(), payload), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The warning above already names the crop and the reason; a failing sink must not stop the Embedder.
            LogDeadLetterFailed(exception, cropId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Crop {CropId} dead-lettered: {Reason}")]
    private partial void LogRefused(string? cropId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} crops to the vector index failed (attempt {Attempt})")]
    private partial void LogWriteFailed(Exception exception, int count, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "The dead letter for crop {CropId} could not be written")]
    private partial void LogDeadLetterFailed(Exception exception, string? cropId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The serving model is {ModelVersion} but the vector index holds {IndexName}; {Count} crops were not indexed (dead-lettered, their JPEGs stay stored for a backfill)")]
    private partial void LogModelMismatch(string modelVersion, string indexName, int count);

    private sealed record DecodedCrop(PersonCropped Event, RgbImage Image);
}
