namespace VfeTps.Stream.Contracts;

/// <summary>
/// Checks a camera before it is registered and normalises it (a relative file path becomes
/// absolute, so that workers do not depend on the current folder). Messages say what is wrong and
/// never echo a stream URL unmasked: one is echoed only once it is known to be well formed (masked),
/// file paths as they are. URLs whose credentials cannot be told apart from the host and path (an
/// unencoded '/', '?', '#' or '@' in the password) are refused.
/// </summary>
public static class CameraSpecValidator
{
    public const int MaxNameLength = 100;
    public const int MaxSourceLength = 2048;

    /// <summary>
    /// The spec, normalised; <see cref="ArgumentException"/> (its ParamName the field at fault) when it is
    /// invalid. <paramref name="fileMustExist"/>: whether a file source must exist here (the registry checks
    /// it on the machine that reads the camera; an API in front of it need not).
    /// </summary>
    public static CameraSpec Validate(CameraSpec spec, bool fileMustExist = true)
    {
        ArgumentNullException.ThrowIfNull(spec);
        CameraIds.Validate(spec.Id);
        if (string.IsNullOrWhiteSpace(spec.Name))
        {
            throw new ArgumentException($"Camera '{spec.Id}' needs a name.", nameof(spec.Name));
        }

        if (spec.Name.Length > MaxNameLength)
        {
            throw new ArgumentException($"Camera '{spec.Id}': the name has {spec.Name.Length} characters; at most {MaxNameLength} are allowed.", nameof(spec.Name));
        }

        if (spec.Name.Any(char.IsControl))
        {
            throw new ArgumentException($"Camera '{spec.Id}': the name must not contain control characters.", nameof(spec.Name));
        }

        if (!double.IsFinite(spec.SampleRate) || spec.SampleRate <= 0 || spec.SampleRate > CameraSpec.MaxSampleRate)
        {
            throw new ArgumentException(
                $"Camera '{spec.Id}': the sample rate must be more than 0 and at most {CameraSpec.MaxSampleRate} frames per second (got {spec.SampleRate}).",
                nameof(spec.SampleRate));
        }

        if (!DetectorKinds.IsKnown(spec.Detector))
        {
            throw new ArgumentException(
                $"Camera '{spec.Id}': unknown detector '{spec.Detector}'; use one of {string.Join(", ", DetectorKinds.All)}.", nameof(spec.Detector));
        }

        return spec with { Name = spec.Name.Trim(), Source = ValidateSource(spec.Id, spec.Source, fileMustExist) };
    }

    private static string ValidateSource(string cameraId, string? source, bool fileMustExist)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new ArgumentException($"Camera '{cameraId}' needs a source: a video file path or an rtsp://, rtsps://, http:// or https:// URL.", nameof(source));
        }

        if (source.Length > MaxSourceLength)
        {
            throw new ArgumentException($"Camera '{cameraId}': the source has {source.Length} characters; at most {MaxSourceLength} are allowed.", nameof(source));
        }

        if (source.Any(char.IsControl) || source != source.Trim())
        {
            // Not echoed: masking needs a well-formed URL.
            throw new ArgumentException($"Camera '{cameraId}': the source contains control characters or surrounding spaces.", nameof(source));
        }

        var scheme = StreamSources.SchemeOf(source);
        if (scheme is not null || source.Contains("://", StringComparison.Ordinal))
        {
            if (scheme is null || !StreamSources.NetworkSchemes.Contains(scheme))
            {
                // Only the scheme is echoed: a source that is not one of ours cannot be trusted to mask well.
                throw new ArgumentException(
                    scheme is null
                        ? $"Camera '{cameraId}': the source contains '://' but does not start with a URL scheme; use an rtsp, rtsps, http or https URL, or a video file path."
                        : $"Camera '{cameraId}': the URL scheme '{scheme}' is not supported; use rtsp, rtsps, http or https, or a video file path.",
                    nameof(source));
            }

            // An '@' that the URL parser does not take as the end of the user name and password means
            // credentials holding an unencoded '/', '?', '#' or '@': ffmpeg and every other reader would
            // cut them there and take part of the password for the host (and it would be shown).
            var hasAt = source.IndexOf('@', scheme.Length + 3) >= 0;
            if (StreamSourceMask.HasAmbiguousUserInfo(source))
            {
                throw AtOutsideCredentials(cameraId, scheme);
            }

            if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            {
                throw new ArgumentException($"Camera '{cameraId}': '{StreamSourceMask.Mask(source)}' is not a valid {scheme} URL (it needs a host).", nameof(source));
            }

            if (hasAt && string.IsNullOrEmpty(uri.UserInfo))
            {
                throw AtOutsideCredentials(cameraId, scheme);
            }

            return source;
        }

        // "rtsp:user:pw@host" or "rtsp:/host" is a mistyped URL, not a file path: say so without echoing it.
        if (StreamSources.NetworkSchemes.Any(network => source.StartsWith(network + ":", StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException(
                $"Camera '{cameraId}': the source looks like a stream URL without '//' after its scheme; write it as rtsp://host/path (or rtsps, http, https).",
                nameof(source));
        }

        string path;
        try
        {
            path = Path.GetFullPath(source);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ArgumentException($"Camera '{cameraId}': the source is not a valid file path ({e.Message}).", nameof(source), e);
        }

        if (fileMustExist && !File.Exists(path))
        {
            throw new ArgumentException(
                Directory.Exists(path)
                    ? $"Camera '{cameraId}': '{path}' is a folder, not a video file."
                    : $"Camera '{cameraId}': the video file '{path}' does not exist (a source is a file path or an rtsp://, rtsps://, http:// or https:// URL).",
                nameof(source));
        }

        return path;
    }

    private static ArgumentException AtOutsideCredentials(string cameraId, string scheme) => new(
        $"Camera '{cameraId}': the {scheme} URL has an '@' outside its user name and password (not echoed: it may hold a password). "
        + "Percent-encode '/', '?', '#' and '@' in credentials (as %2F, %3F, %23 and %40), and '@' elsewhere in the URL as %40.",
        "source");
}
