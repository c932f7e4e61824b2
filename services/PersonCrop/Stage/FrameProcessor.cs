using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Messaging;
using VfeTps.Stream.PersonCrop.Cameras;
using VfeTps.Stream.PersonCrop.Detection;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.PersonCrop.Stage;

/// <summary>
/// The work on one frame of one camera, shared by all camera workers: order check, detector
/// choice, detection (timed), tracking and best shots, then for each shot the crop and frame JPEGs
/// in the blob store and a PersonCropped event (awaited: a full crop stream slows this camera down).
/// Anything that goes wrong with one frame or one crop is dead-lettered and the camera goes on.
/// </summary>
internal sealed class FrameProcessor(
    IPersonDetectorFactory detectors,
    PersonCropCameras cameras,
    IBlobStore blobs,
    IEventPublisher<PersonCropped> crops,
    IDeadLetterSink deadLetters,
    PersonCropMetrics metrics,
    IOptions<PersonCropOptions> options,
    TimeProvider timeProvider,
    ILogger<FrameProcessor> logger)
{
    public const string StageName = "PersonCrop";

    /// <summary>A detector failing this many frames in a row (a model with the wrong output, say) is replaced by motion.</summary>
    public const int MaxConsecutiveDetectorFailures = 10;

    private readonly PersonCropOptions _options = options.Value;

    public CameraPipeline CreatePipeline(string cameraId) => new(cameraId, _options);

    public async Task ProcessAsync(CameraPipeline pipeline, FrameCaptured frame, CancellationToken cancellationToken)
    {
        if (pipeline.LastCaptureTime is { } last && frame.CaptureTime < last)
        {
            await DeadLetterAsync(frame, $"The frame was captured at {frame.CaptureTime:O}, before the camera's last frame ({last:O}); frames of a camera must come in order.", cancellationToken).ConfigureAwait(false);
            return;
        }

        pipeline.LastCaptureTime = frame.CaptureTime;
        IReadOnlyList<CropShot> shots;
        try
        {
            var detector = await EnsureDetectorAsync(pipeline, frame, cancellationToken).ConfigureAwait(false);
            var started = Stopwatch.GetTimestamp();
            IReadOnlyList<PersonDetection> people;
            try
            {
                people = detector.Detect(frame.Frame);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await DeadLetterAsync(frame, $"The {detector.Kind} detector failed on this frame: {exception.GetType().Name}: {exception.Message}", cancellationToken).ConfigureAwait(false);
                await GiveUpOnFailingDetectorAsync(pipeline, frame, cancellationToken).ConfigureAwait(false);
                return;
            }

            pipeline.ConsecutiveDetectorFailures = 0;
            metrics.FrameDetected(detector.Kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            (shots, var tracksStarted) = pipeline.Advance(frame, people);
            metrics.TracksStarted(tracksStarted);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await DeadLetterAsync(frame, $"Processing failed on this frame: {exception.GetType().Name}: {exception.Message}", cancellationToken).ConfigureAwait(false);
            return;
        }

        await EmitAsync(pipeline, shots, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The camera's stream is over: its tracks end and their last shots are emitted.</summary>
    public Task FlushAsync(CameraPipeline pipeline, CancellationToken cancellationToken) =>
        EmitAsync(pipeline, pipeline.EndAllTracks(), cancellationToken);

    /// <summary>Records a frame that could not be (fully) processed; never throws except on cancellation.</summary>
    public Task DeadLetterAsync(FrameCaptured? frame, string reason, CancellationToken cancellationToken) =>
        DeadLetterAsync(FrameChecks.KeyOf(frame), reason, FrameChecks.Summary(frame), cancellationToken);

    private async Task EmitAsync(CameraPipeline pipeline, IReadOnlyList<CropShot> shots, CancellationToken cancellationToken)
    {
        foreach (var shot in shots)
        {
            try
            {
                await EmitAsync(pipeline, shot, cancellationToken).ConfigureAwait(false);
                metrics.CropEmitted();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var reason = $"Crop {shot.CropId} could not be stored or published: {exception.GetType().Name}: {exception.Message}";
                await DeadLetterAsync(pipeline.CameraId, reason, $"crop={shot.CropId} captureTime={shot.CaptureTime:O}", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task EmitAsync(CameraPipeline pipeline, CropShot shot, CancellationToken cancellationToken)
    {
        var frameKey = BlobKeys.Frame(pipeline.CameraId, shot.CaptureTime.ToUnixTimeMilliseconds());
        var cropKey = BlobKeys.Crop(shot.CropId);
        var cropJpeg = shot.Image.EncodeCrop(_options.JpegQuality);
        if (!pipeline.StoredFrames.Contains(frameKey))
        {
            await blobs.PutAsync(frameKey, shot.Image.Frame.Jpeg(_options.JpegQuality), cancellationToken).ConfigureAwait(false);
            pipeline.StoredFrames.Add(frameKey);
        }

        await blobs.PutAsync(cropKey, cropJpeg, cancellationToken).ConfigureAwait(false);
        await crops.PublishAsync(
            new PersonCropped(shot.CropId, pipeline.CameraId, shot.TrackId, shot.ShotIndex, shot.CaptureTime, shot.Image.Box, shot.Quality, cropKey, frameKey),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<IPersonDetector> EnsureDetectorAsync(CameraPipeline pipeline, FrameCaptured frame, CancellationToken cancellationToken)
    {
        var wanted = cameras.DetectorOf(pipeline.CameraId) ?? _options.DefaultDetector;
        if (pipeline.Detector is { } current && pipeline.RequestedDetector == wanted)
            return current;

        IPersonDetector detector;
        try
        {
            detector = detectors.Create(wanted);
        }
        catch (Exception exception) when (wanted != DetectorKinds.Motion && exception is not OperationCanceledException)
        {
            // A camera must not go blind because its model is missing: it falls back to motion, loudly.
            logger.DetectorUnavailable(exception, pipeline.CameraId, wanted, DetectorKinds.Motion);
            await DeadLetterAsync(frame, $"The {wanted} detector could not be created ({exception.GetType().Name}: {exception.Message}); camera {pipeline.CameraId} uses the motion detector instead.", cancellationToken).ConfigureAwait(false);
            detector = detectors.Create(DetectorKinds.Motion);
        }

        pipeline.UseDetector(wanted, detector);
        logger.DetectorChosen(pipeline.CameraId, detector.Kind);
        return detector;
    }

    // One bad frame is dead-lettered and forgotten; a detector that fails every frame would blind the camera and flood the dead letters.
    private async Task GiveUpOnFailingDetectorAsync(CameraPipeline pipeline, FrameCaptured frame, CancellationToken cancellationToken)
    {
        if (++pipeline.ConsecutiveDetectorFailures < MaxConsecutiveDetectorFailures || pipeline.Detector?.Kind == DetectorKinds.Motion)
            return;

        var failed = pipeline.Detector?.Kind;
        pipeline.UseDetector(pipeline.RequestedDetector ?? DetectorKinds.Motion, detectors.Create(DetectorKinds.Motion));
        pipeline.ConsecutiveDetectorFailures = 0;
        logger.DetectorReplaced(pipeline.CameraId, failed, MaxConsecutiveDetectorFailures, DetectorKinds.Motion);
        await DeadLetterAsync(frame, $"The {failed} detector failed on {MaxConsecutiveDetectorFailures} frames in a row; camera {pipeline.CameraId} uses the motion detector until its detector setting changes.", cancellationToken).ConfigureAwait(false);
    }

    private async Task DeadLetterAsync(string? key, string reason, string payload, CancellationToken cancellationToken)
    {
        metrics.DeadLettered();
        logger.FrameDeadLettered(key, reason);
        try
        {
            await deadLetters.WriteAsync(new DeadLetter(StageName, key, reason, timeProvider.GetUtcNow(), payload), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.DeadLetterFailed(exception, key, reason);
        }
    }
}
