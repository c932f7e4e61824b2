using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.FrameIngest.Registry;

/// <summary>
/// Checks a camera before it is registered and normalises it (a relative file path becomes
/// absolute, so that workers do not depend on the current folder). Messages say what is wrong and
/// never echo credentials.
/// </summary>
public static class CameraSpecValidator
{
    public const int MaxNameLength = 100;
    public const int MaxSourceLength = 2048;

    /// <summary>The spec, normalised; <see cref="ArgumentException"/> when it is invalid.</summary>
    public static CameraSpec Validate(CameraSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        CameraIds.Validate(spec.Id);
        if (string.IsNullOrWhiteSpace(spec.Name))
        {
            throw new ArgumentException($"Camera '{spec.Id}' needs a name.", nameof(spec));
        }

        if (spec.Name.Length > MaxNameLength)
        {
            throw new ArgumentException($"Camera '{spec.Id}': the name has {spec.Name.Length} characters; at most {MaxNameLength} are allowed.", nameof(spec));
        }

        if (spec.Name.Any(char.IsControl))
        {
            throw new ArgumentException($"Camera '{spec.Id}': the name must not contain control characters.", nameof(spec));
        }

        if (!double.IsFinite(spec.SampleRate) || spec.SampleRate <= 0 || spec.SampleRate > CameraSpec.MaxSampleRate)
        {
            throw new ArgumentException(
                $"Camera '{spec.Id}': the sample rate must be more than 0 and at most {CameraSpec.MaxSampleRate} frames per second (got {spec.SampleRate}).",
                nameof(spec));
        }

        if (!DetectorKinds.IsKnown(spec.Detector))
        {
            throw new ArgumentException(
                $"Camera '{spec.Id}': unknown detector '{spec.Detector}'; use one of {string.Join(", ", DetectorKinds.All)}.", nameof(spec));
        }

        return spec with { Name = spec.Name.Trim(), Source = ValidateSource(spec.Id, spec.Source) };
    }

    private static string ValidateSource(string cameraId, string? source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new ArgumentException($"Camera '{cameraId}' needs a source: a video file path or an rtsp://, rtsps://, http:// or https:// URL.", nameof(source));
        }

        var masked = StreamSourceMask.Mask(source);
        if (source.Length > MaxSourceLength)
        {
            throw new ArgumentException($"Camera '{cameraId}': the source has {source.Length} characters; at most {MaxSourceLength} are allowed.", nameof(source));
        }

        if (source.Any(char.IsControl) || source != source.Trim())
        {
            throw new ArgumentException($"Camera '{cameraId}': the source '{masked}' contains control characters or surrounding spaces.", nameof(source));
        }

        var scheme = StreamSources.SchemeOf(source);
        if (scheme is not null || source.Contains("://", StringComparison.Ordinal))
        {
            if (scheme is null || !StreamSources.NetworkSchemes.Contains(scheme))
            {
                throw new ArgumentException(
                    $"Camera '{cameraId}': the URL scheme of '{masked}' is not supported; use rtsp, rtsps, http or https, or a video file path.", nameof(source));
            }

            if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            {
                throw new ArgumentException($"Camera '{cameraId}': '{masked}' is not a valid {scheme} URL (it needs a host).", nameof(source));
            }

            return source;
        }

        string path;
        try
        {
            path = Path.GetFullPath(source);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ArgumentException($"Camera '{cameraId}': '{masked}' is not a valid file path ({e.Message}).", nameof(source), e);
        }

        if (!File.Exists(path))
        {
            throw new ArgumentException(
                Directory.Exists(path)
                    ? $"Camera '{cameraId}': '{path}' is a folder, not a video file."
                    : $"Camera '{cameraId}': the video file '{path}' does not exist (a source is a file path or an rtsp://, rtsps://, http:// or https:// URL).",
                nameof(source));
        }

        return path;
    }
}
