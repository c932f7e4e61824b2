using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.Detection;

/// <summary>
/// Finds people in frames of one camera. An instance may keep state between frames (the motion
/// detector's background model), so each camera gets its own and feeds it frames in order; an
/// instance is used by one thread at a time.
/// </summary>
public interface IPersonDetector : IDisposable
{
    /// <summary>The detector's kind (see <see cref="DetectorKinds"/>).</summary>
    string Kind { get; }

    /// <summary>The people in <paramref name="frame"/>, boxes in frame pixels, scores in [0, 1].</summary>
    IReadOnlyList<PersonDetection> Detect(VideoFrame frame);
}
