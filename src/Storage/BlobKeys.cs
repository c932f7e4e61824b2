namespace VfeTps.Stream.Storage;

/// <summary>Blob key rules and the keys the pipeline uses.</summary>
public static class BlobKeys
{
    public const int MaxLength = 512;

    public static string Crop(string cropId) => $"crops/{cropId}.jpg";

    public static string Frame(string cameraId, long captureUnixMilliseconds) =>
        FormattableString.Invariant($"frames/{cameraId}/{captureUnixMilliseconds}.jpg");

    /// <summary>True for a relative key of non-empty segments of lower-case letters, digits, '.', '_' and '-' (no "." or ".." segments).</summary>
    public static bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength)
        {
            return false;
        }

        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or ".."
                || !segment.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    public static void Validate(string? key)
    {
        if (!IsValid(key))
        {
            throw new ArgumentException($"'{key}' is not a blob key (relative path of [a-z0-9._-] segments).", nameof(key));
        }
    }
}
