namespace VfeTps.Stream.DemoCameras.Tests;

/// <summary>Records progress reports synchronously (unlike <see cref="Progress{T}"/>, which posts them later).</summary>
internal sealed class RecordingProgress(Action? onReport = null) : IProgress<SceneProgress>
{
    private readonly Lock _lock = new();
    private readonly List<SceneProgress> _reports = [];

    public IReadOnlyList<SceneProgress> Reports
    {
        get
        {
            lock (_lock)
            {
                return [.. _reports];
            }
        }
    }

    public void Report(SceneProgress value)
    {
        lock (_lock)
        {
            _reports.Add(value);
        }

        onReport?.Invoke();
    }
}
