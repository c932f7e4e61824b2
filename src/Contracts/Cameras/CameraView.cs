namespace VfeTps.Stream.Contracts;

/// <summary>A registered camera as the API returns it: the source with any credentials masked.</summary>
public sealed record CameraView(
    string Id,
    string Name,
    string Source,
    double SampleRate,
    string Detector,
    bool Loop,
    bool Paced,
    DateTimeOffset AddedAt,
    CameraHealth Health);
