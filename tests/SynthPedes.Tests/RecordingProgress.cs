namespace VfeTps.Stream.SynthPedes.Tests;

/// <summary>Records progress reports synchronously (Progress&lt;T&gt; would post them after the run ends).</summary>
internal sealed class RecordingProgress : IProgress<SynthPedesProgress>
{
    private readonly Lock _gate = new();
    private readonly List<SynthPedesProgress> _reports = [];

    public IReadOnlyList<SynthPedesProgress> Reports
    {
        get
        {
            lock (_gate)
            {
                return [.. _reports];
            }
        }
    }

    public void Report(SynthPedesProgress value)
    {
        lock (_gate)
        {
            _reports.Add(value);
        }
    }
}
