namespace VfeTps.Stream.Datasets.Tests;

/// <summary>A fresh folder for one test's data set files, deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        FullPath = Directory.CreateTempSubdirectory("vfetps-datasets-tests-").FullName;
    }

    public string FullPath { get; }

    public string PathOf(string relativePath) => Path.Combine(FullPath, relativePath);

    public void Dispose() => Directory.Delete(FullPath, recursive: true);
}
