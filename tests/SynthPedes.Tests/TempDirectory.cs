namespace VfeTps.Stream.SynthPedes.Tests;

/// <summary>A fresh folder for one test's data set, deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        FullPath = Directory.CreateTempSubdirectory("vfetps-synthpedes-tests-").FullName;
    }

    public string FullPath { get; }

    public string PathOf(string name) => Path.Combine(FullPath, name);

    public void Dispose() => Directory.Delete(FullPath, recursive: true);
}
