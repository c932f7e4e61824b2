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
    /// <remarks>
    /// Numbers must be written as <see cref="Create"/> writes them (ASCII digits, no sign, no leading
    /// zero), so one crop never has two ids. On false the out values are the defaults.
    /// </remarks>
    public static bool TryParse(string? cropId, out string cameraId, out long trackId, out int shotIndex)
    {
        cameraId = string.Empty;
        trackId = 0;
        shotIndex = 0;
        var parts = cropId?.Split('.');
        if (parts is not { Length: 3 } || !CameraIds.IsValid(parts[0])
            || !IsCanonicalNumber(parts[1]) || !IsCanonicalNumber(parts[2])
            || !long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var track)
            || !int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var shot))
        {
            return false;
        }

        cameraId = parts[0];
        trackId = track;
        shotIndex = shot;
        return true;
    }

    /// <summary>ASCII digits without a leading zero (except "0" itself): the only form Create writes.</summary>
    private static bool IsCanonicalNumber(string digits) =>
        digits.Length > 0 && digits.All(char.IsAsciiDigit) && (digits.Length == 1 || digits[0] != '0');
}
