namespace VfeTps.Stream.SynthPedes.Tests;

/// <summary>One tiny set generated once and read by every test of a class.</summary>
public sealed class SharedTinySet : IDisposable
{
    private readonly TempDirectory _folder = new();

    public SharedTinySet()
    {
        Options = TinySets.Options(_folder.FullPath);
        Summary = SynthPedesGenerator.Generate(Options, Progress);
        Entries = SynthPedesAnnotations.Read(Summary.AnnotationFile);
    }

    internal SynthPedesOptions Options { get; }

    internal SynthPedesSummary Summary { get; }

    internal List<AnnotationEntry> Entries { get; }

    internal RecordingProgress Progress { get; } = new();

    public void Dispose() => _folder.Dispose();
}
