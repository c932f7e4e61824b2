using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Messaging;

namespace VfeTps.Stream.Embedder;

/// <summary>
/// The Embedder's loop: micro-batches PersonCropped events and embeds each batch before reading the
/// next, so a slow image tower fills the bounded crop stream and PersonCrop waits (backpressure).
/// A failing batch is logged and the loop goes on; its crops stay in the blob store.
/// </summary>
public sealed partial class CropEmbeddingStage(
    IEventSource<PersonCropped> crops,
    CropBatchEmbedder embedder,
    IOptions<EmbedderOptions> options,
    TimeProvider timeProvider,
    ILogger<CropEmbeddingStage> logger) : BackgroundService, IStreamConsumer<PersonCropped>
{
    /// <summary>Finishes once the crop stream is completed and every crop read from it is indexed or dead-lettered.</summary>
    public Task Completion => ExecuteTask ?? Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await foreach (var batch in crops.ReadBatchesAsync(settings.MaxBatchSize, settings.MaxBatchDelay, timeProvider, stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await embedder.EmbedAsync(batch, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogBatchFailed(exception, batch.Count);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} crops could not be embedded; the Embedder goes on with the next batch")]
    private partial void LogBatchFailed(Exception exception, int count);
}
