using System.Globalization;
using System.Text;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.Stage;

/// <summary>What makes a FrameCaptured event unusable before any camera state is looked at.</summary>
internal static class FrameChecks
{
    private const int MaxSummaryIdLength = 80;

    /// <summary>Why the event cannot be processed, or null when it can.</summary>
    public static string? Problem(FrameCaptured? frame)
    {
        if (frame is null)
            return "The event is null.";
        if (!CameraIds.IsValid(frame.CameraId))
            return $"'{Printable(frame.CameraId)}' is not a camera id.";
        if (frame.Frame is null)
            return "The event carries no frame.";
        var image = frame.Frame;
        if (image.Width <= 0 || image.Height <= 0)
            return $"The frame's size {image.Width}×{image.Height} is not positive.";
        if (image.Bgr is null || image.Bgr.Length != (long)image.Width * image.Height * 3)
            return $"A {image.Width}×{image.Height} BGR24 frame needs {(long)image.Width * image.Height * 3} bytes, but it has {image.Bgr?.Length ?? 0}.";
        if (frame.CaptureTime.ToUnixTimeMilliseconds() < 0)
            return $"The capture time {frame.CaptureTime:O} is before 1970 (track ids count milliseconds from 1970).";
        return null;
    }

    /// <summary>A short, printable summary for a dead letter (no pixels).</summary>
    public static string Summary(FrameCaptured? frame) => frame is null
        ? "null"
        : string.Create(
            CultureInfo.InvariantCulture,
            $"camera={Printable(frame.CameraId)} sequence={frame.Sequence} captureTime={frame.CaptureTime:O} frame={frame.Frame?.Width ?? 0}x{frame.Frame?.Height ?? 0}");

    /// <summary>A camera id fit for a dead letter's key: the id when valid, otherwise none.</summary>
    public static string? KeyOf(FrameCaptured? frame) => CameraIds.IsValid(frame?.CameraId) ? frame!.CameraId : null;

    private static string Printable(string? text)
    {
        if (text is null)
            return "(null)";
        var builder = new StringBuilder(Math.Min(text.Length, MaxSummaryIdLength));
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, MaxSummaryIdLength)))
            builder.Append(char.IsControl(c) ? '?' : c);
        return text.Length > MaxSummaryIdLength ? builder.Append('…').ToString() : builder.ToString();
    }
}
