using Microsoft.Extensions.Logging;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.FrameIngest;

/// <summary>FrameIngest's log messages. Every source and error passed here is already masked (<see cref="StreamSourceMask"/>).</summary>
internal static partial class FrameIngestLog
{
    [LoggerMessage(1, LogLevel.Information, "Camera {CameraId}: connecting to {Source}")]
    public static partial void Connecting(ILogger logger, string cameraId, string source);

    [LoggerMessage(2, LogLevel.Information, "Camera {CameraId}: streaming {Width}x{Height} at {FrameRate:0.##} fps")]
    public static partial void Streaming(ILogger logger, string cameraId, int width, int height, double frameRate);

    [LoggerMessage(3, LogLevel.Warning, "Camera {CameraId}: {Error}; reconnecting in {Delay}")]
    public static partial void Failed(ILogger logger, string cameraId, string error, TimeSpan delay);

    [LoggerMessage(4, LogLevel.Information, "Camera {CameraId}: the file ended after {FramesPublished} published frames")]
    public static partial void Ended(ILogger logger, string cameraId, long framesPublished);

    [LoggerMessage(5, LogLevel.Warning, "Camera {CameraId}: {Problem}")]
    public static partial void FileProblem(ILogger logger, string cameraId, string problem);

    [LoggerMessage(6, LogLevel.Information, "Camera {CameraId}: stopped")]
    public static partial void Stopped(ILogger logger, string cameraId);

    [LoggerMessage(7, LogLevel.Error, "Camera {CameraId}: the worker failed unexpectedly ({Error}); reconnecting in {Delay}")]
    public static partial void Unexpected(ILogger logger, string cameraId, string error, TimeSpan delay);

    [LoggerMessage(8, LogLevel.Information, "Camera {CameraId} registered: {Source}")]
    public static partial void Registered(ILogger logger, string cameraId, string source);

    [LoggerMessage(9, LogLevel.Information, "Camera {CameraId} unregistered")]
    public static partial void Unregistered(ILogger logger, string cameraId);

    [LoggerMessage(10, LogLevel.Warning, "Camera {CameraId} did not stop within {Timeout}")]
    public static partial void StopTimedOut(ILogger logger, string cameraId, TimeSpan timeout);

    [LoggerMessage(11, LogLevel.Information, "Starting {Count} registered cameras")]
    public static partial void StartingRegistered(ILogger logger, int count);

    [LoggerMessage(12, LogLevel.Error, "Camera {CameraId} could not be started: {Error}")]
    public static partial void StartFailed(ILogger logger, string cameraId, string error);

    [LoggerMessage(13, LogLevel.Warning, "Camera {CameraId} was registered but announcing it failed ({Error}); the registration was undone")]
    public static partial void AnnounceFailed(ILogger logger, string cameraId, string error);

    [LoggerMessage(14, LogLevel.Warning, "Camera {CameraId}: the end of its file could not be recorded ({Error}); the file will be read again at the next start")]
    public static partial void EndNotRecorded(ILogger logger, string cameraId, string error);

    [LoggerMessage(15, LogLevel.Information, "Camera {CameraId}: its file was read to the end before; not started again (remove and add the camera to read it again)")]
    public static partial void AlreadyEnded(ILogger logger, string cameraId);

    [LoggerMessage(16, LogLevel.Warning, "Camera {CameraId} was unregistered but announcing it failed ({Error}); its worker here is stopped directly")]
    public static partial void RemoveAnnounceFailed(ILogger logger, string cameraId, string error);
}
