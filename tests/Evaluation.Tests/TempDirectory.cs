namespace VfeTps.Stream.Evaluation.Tests;

/// <summary>A fresh folder for one test's output files, deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        FullPath = Directory.CreateTempSubdirectory("vfetps-evaluation-tests-").FullName;
    }

    public string FullPath { get; }

    public string PathOf(string relativePath) => Path.Combine(FullPath, relativePath);

    public void Dispose() => Directory.Delete(FullPath, recursive: true);
}
