namespace VfeTps.Stream.VectorIndex.Embedded;

/// <summary>
/// Camera ids mapped to small ordinals, so a row stores an int and the camera filter is a lookup in a
/// bool array instead of a string comparison. A site has tens of cameras; ordinals are never reused.
/// </summary>
internal sealed class CameraTable
{
    private readonly Dictionary<string, int> _ordinals = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    public int Count => _names.Count;

    public string NameOf(int ordinal) => _names[ordinal];

    public int GetOrAdd(string cameraId)
    {
        if (!_ordinals.TryGetValue(cameraId, out var ordinal))
        {
            ordinal = _names.Count;
            _ordinals.Add(cameraId, ordinal);
            _names.Add(cameraId);
        }

        return ordinal;
    }

    public bool TryGet(string cameraId, out int ordinal) => _ordinals.TryGetValue(cameraId, out ordinal);

    /// <summary>The camera's interned id (one string per camera, shared by every payload of it).</summary>
    public string Intern(string cameraId) => _names[GetOrAdd(cameraId)];
}
