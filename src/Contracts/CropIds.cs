namespace VfeTps.Stream.Contracts;

/// <summary>
/// Deterministic crop ids: <c>{camera}.{track}.{shot}</c>. The same frames always give the same ids,
/// so a redelivered event overwrites its earlier copy (in the vector index and the blob store)
/// instead of adding a duplicate.
/// </summary>
public static class CropIds
{
    public static string Create(string cameraId, long trackId, int shotIndex)
    {
        CameraIds.Validate(cameraId);
        ArgumentOutOfRangeException.ThrowIfNegative(trackId);
        ArgumentOutOfRangeException.ThrowIfNegative(shotIndex);
        return FormattableString.Invariant($"{cameraId}.{trackId}.{shotIndex}");
    }

    /// <summary>Parses a crop id; false for anything that <see cref="Create"/> cannot have produced.</summary>
    public static bool TryParse(string? cropId, out string cameraId, out long trackId, out int shotIndex)
    {
        cameraId = string.Empty;
        trackId = 0;
        shotIndex = 0;
        var parts = cropId?.Split('.');
        if (parts is not { Length: 3 } || !CameraIds.IsValid(parts[0])
            || !long.TryParse(parts[1], System.Globalization.NumberStyles.None, null, out trackId)
            || !int.TryParse(parts[2], System.Globalization.NumberStyles.None, null, out shotIndex))
        {
            return false;
        }

        cameraId = parts[0];
        return true;
    }
}
