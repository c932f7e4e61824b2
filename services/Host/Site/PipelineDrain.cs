using VfeTps.Stream.Contracts;
using VfeTps.Stream.FrameIngest.Cameras;
using VfeTps.Stream.Messaging;

namespace VfeTps.Stream.Host.Site;

/// <summary>
/// Stops the pipeline in stream order so that a shutdown loses nothing in flight: the cameras stop,
/// then each stream is completed and its consumer awaited (PersonCrop ends its tracks and publishes
/// their last shots; the Embedder indexes every crop it was given) before the next stream is
/// completed. Registered last, so the host stops it first, while every stage still runs.
/// </summary>
public sealed partial class PipelineDrain(
    CameraSupervisor cameras,
    InProcessEventStream<FrameCaptured> frames,
    InProcessEventStream<PersonCropped> crops,
    InProcessEventStream<CropEmbedded> embedded,
    IStreamConsumer<FrameCaptured> personCrop,
    IStreamConsumer<PersonCropped> embedder,
    ILogger<PipelineDrain> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Drains within the host's shutdown timeout (<paramref name="cancellationToken"/>); what is left then is logged.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await cameras.StopAllAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            frames.Complete();
            await personCrop.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            crops.Complete();
            await embedder.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            embedded.Complete();
            LogDrained();
        }
        catch (OperationCanceledException)
        {
            LogNotDrained(frames.Backlog, crops.Backlog);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pipeline drained: every frame read before shutdown was processed and every crop indexed")]
    private partial void LogDrained();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shutdown timeout ended the drain with {Frames} frames and {Crops} crops unprocessed (the crops' JPEGs stay stored)")]
    private partial void LogNotDrained(int frames, int crops);
}
