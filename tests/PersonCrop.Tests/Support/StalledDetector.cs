using VfeTps.Stream.Contracts;
using VfeTps.Stream.PersonCrop.Detection;

namespace VfeTps.Stream.PersonCrop.Tests.Support;

/// <summary>
/// A test double for a detector too slow for its camera (HOG or ONNX on a busy CPU): Detect blocks
/// until the test calls <see cref="Release"/>, then finds nobody. Records the frames it was given.
/// </summary>
internal sealed class StalledDetector(string kind) : IPersonDetector
{
    private readonly ManualResetEventSlim _released = new();
    private readonly List<VideoFrame> _seen = [];

    public string Kind => kind;

    /// <summary>Frames given to Detect, in order.</summary>
    public IReadOnlyList<VideoFrame> Seen
    {
        get
        {
            lock (_seen)
                return [.. _seen];
        }
    }

    public void Release() => _released.Set();

    public IReadOnlyList<PersonDetection> Detect(VideoFrame frame)
    {
        lock (_seen)
            _seen.Add(frame);
        // Bounded, so a broken test cannot hang the run.
        if (!_released.Wait(TimeSpan.FromSeconds(60)))
            throw new TimeoutException("The stalled detector was never released.");
        return [];
    }

    public void Dispose()
    {
        // The event stays usable: the test may release after the stage let go of the detector.
    }
}
