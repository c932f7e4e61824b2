using System.Collections.Concurrent;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.Cameras;

/// <summary>
/// Which detector each known camera asked for, learned from <see cref="ICameraDirectory"/> at start
/// and from CameraAdded / CameraRemoved control events afterwards. A camera not known here uses
/// <see cref="PersonCropOptions.DefaultDetector"/>. Thread-safe.
/// </summary>
public sealed class PersonCropCameras
{
    private readonly ConcurrentDictionary<string, string> _detectors = new(StringComparer.Ordinal);

    /// <summary>Raised after a camera is removed, so its tracking state can be dropped.</summary>
    public event Action<string>? Removed;

    /// <summary>Cameras known now.</summary>
    public int Count => _detectors.Count;

    /// <summary>Records (or replaces) a camera's detector; false when the spec has no valid id or no known detector.</summary>
    public bool Set(CameraSpec camera) => Record(camera, replace: true);

    /// <summary>Records a camera only if nothing is known about it yet (a directory listing is older than a control event).</summary>
    public bool SetIfAbsent(CameraSpec camera) => Record(camera, replace: false);

    /// <summary>Forgets the camera and raises <see cref="Removed"/>.</summary>
    public void Remove(string cameraId)
    {
        ArgumentNullException.ThrowIfNull(cameraId);
        _detectors.TryRemove(cameraId, out _);
        Removed?.Invoke(cameraId);
    }

    /// <summary>The camera's detector kind, or null when the camera is unknown.</summary>
    public string? DetectorOf(string cameraId) => _detectors.TryGetValue(cameraId, out var kind) ? kind : null;

    private bool Record(CameraSpec? camera, bool replace)
    {
        if (camera is null || !CameraIds.IsValid(camera.Id) || !DetectorKinds.IsKnown(camera.Detector))
            return false;
        if (replace)
            _detectors[camera.Id] = camera.Detector;
        else
            _detectors.TryAdd(camera.Id, camera.Detector);
        return true;
    }
}
