using Microsoft.Extensions.Logging;

namespace VfeTps.Stream.PersonCrop;

/// <summary>PersonCrop's log messages (source-generated: some are on the per-frame path).</summary>
internal static partial class PersonCropLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "CameraAdded for camera {CameraId} with detector {Detector} ignored: invalid id or unknown detector; its frames use the default detector")]
    public static partial void CameraSpecIgnored(this ILogger logger, string? cameraId, string? detector);

    [LoggerMessage(Level = LogLevel.Information, Message = "PersonCrop knows {Count} cameras from the camera directory")]
    public static partial void CamerasLoaded(this ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The camera directory could not be read; cameras use the default detector until CameraAdded events arrive")]
    public static partial void CameraDirectoryFailed(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Camera {CameraId} uses the {Detector} detector")]
    public static partial void DetectorChosen(this ILogger logger, string cameraId, string detector);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Detector} detector for camera {CameraId} could not be created; the camera uses {Fallback} instead")]
    public static partial void DetectorUnavailable(this ILogger logger, Exception exception, string cameraId, string detector, string fallback);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Detector} detector of camera {CameraId} failed on {Failures} frames in a row; the camera uses {Fallback} until its detector setting changes")]
    public static partial void DetectorReplaced(this ILogger logger, string cameraId, string? detector, int failures, string fallback);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Frame of camera {CameraId} dead-lettered: {Reason}")]
    public static partial void FrameDeadLettered(this ILogger logger, string? cameraId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A dead letter for camera {CameraId} could not be written ({Reason})")]
    public static partial void DeadLetterFailed(this ILogger logger, Exception exception, string? cameraId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Camera {CameraId} removed: its tracking state is dropped")]
    public static partial void CameraDropped(this ILogger logger, string cameraId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Camera {CameraId} is behind: {Dropped} live frames dropped since the last report ({Total} in all); its tracker sees gaps")]
    public static partial void LiveFramesDropped(this ILogger logger, string cameraId, long dropped, long total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Frames of removed camera {CameraId} captured before its removal at {RemovedAt:O} are ignored")]
    public static partial void RemovedCameraFramesIgnored(this ILogger logger, string cameraId, DateTimeOffset removedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Camera {CameraId} sent no frame for {IdleSeconds} s: its tracks end and its state is released")]
    public static partial void CameraReleased(this ILogger logger, string cameraId, double idleSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for idle cameras failed; trying again at the next sweep")]
    public static partial void IdleSweepFailed(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The frame queue of camera {CameraId} stopped unexpectedly")]
    public static partial void CameraQueueFailed(this ILogger logger, Exception exception, string cameraId);
}
