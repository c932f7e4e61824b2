using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.FrameIngest.Sources;

/// <summary>
/// An opened camera source, read frame by frame. Reading is two-step (advance, then copy only the
/// frames the sampler keeps) so that skipped frames cost no allocation.
/// </summary>
internal interface IFrameSource : IAsyncDisposable
{
    /// <summary>A live stream (paced by the camera); false for a file.</summary>
    bool IsLive { get; }

    /// <summary>The stream's nominal frame rate; 0 when unknown.</summary>
    double FrameRate { get; }

    /// <summary>The current frame's width in pixels.</summary>
    int Width { get; }

    /// <summary>The current frame's height in pixels.</summary>
    int Height { get; }

    /// <summary>The current frame's stream timestamp; null when the stream gave none.</summary>
    TimeSpan? Position { get; }

    /// <summary>
    /// Decodes the next frame. False at a clean end of the stream (a file read to its end);
    /// a failure throws <see cref="FrameSourceException"/>.
    /// </summary>
    ValueTask<bool> ReadNextAsync(CancellationToken cancellationToken);

    /// <summary>A copy of the current frame's pixels (the source reuses its buffer).</summary>
    VideoFrame CopyFrame();

    /// <summary>After <see cref="ReadNextAsync"/> returned false: why the end looks wrong (a truncated file), or null.</summary>
    string? EndProblem { get; }
}
