namespace VfeTps.Stream.Contracts.Access;

/// <summary>
/// The cameras a principal may see: every camera (including those added later) or a fixed set.
/// Results, crops, frames, camera health and alerts from cameras outside it are never returned.
/// </summary>
public sealed class CameraScope
{
    private readonly HashSet<string>? _cameras;

    private CameraScope(HashSet<string>? cameras) => _cameras = cameras;

    public static CameraScope Everything { get; } = new(null);

    /// <summary>Only these cameras (an empty set allows none).</summary>
    public static CameraScope Only(IEnumerable<string> cameras)
    {
        ArgumentNullException.ThrowIfNull(cameras);
        return new CameraScope(new HashSet<string>(cameras, StringComparer.Ordinal));
    }

    public bool IsEverything => _cameras is null;

    /// <summary>The allowed cameras, or null for every camera.</summary>
    public IReadOnlySet<string>? Cameras => _cameras;

    public bool Allows(string cameraId) => _cameras is null || _cameras.Contains(cameraId);

    /// <summary>
    /// The cameras a query may search: <paramref name="requested"/> when given (null when one of them is
    /// not allowed), else the whole scope (null list = every camera).
    /// </summary>
    public bool TryRestrict(IReadOnlyList<string>? requested, out IReadOnlyList<string>? allowed)
    {
        if (requested is { Count: > 0 })
        {
            allowed = requested;
            return requested.All(Allows);
        }

        allowed = _cameras?.Order(StringComparer.Ordinal).ToArray();
        return true;
    }
}
