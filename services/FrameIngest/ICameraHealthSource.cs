using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.FrameIngest;

/// <summary>Health of the running camera workers (for the registry's views, the health check and the API).</summary>
public interface ICameraHealthSource
{
    /// <summary>The camera's health, or null when no worker runs for it.</summary>
    CameraHealth? GetHealth(string cameraId);

    /// <summary>Every running worker's health, by camera id.</summary>
    IReadOnlyDictionary<string, CameraHealth> Snapshot();
}
