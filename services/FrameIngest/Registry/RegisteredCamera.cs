using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.FrameIngest.Registry;

/// <summary>A registry row: the camera with its real source, when it was registered, and its recorded end (unlooped files read to the end).</summary>
/// <param name="Spec">The camera, credentials included: for starting workers only.</param>
/// <param name="AddedAt">The registration time, to the millisecond: the anchor of an unlooped file's capture times.</param>
/// <param name="EndedHealth">The health with which its file ended, or null while it has not ended (or is not a file).</param>
internal sealed record RegisteredCamera(CameraSpec Spec, DateTimeOffset AddedAt, CameraHealth? EndedHealth);
