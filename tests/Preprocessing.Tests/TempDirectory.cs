namespace VfeTps.Stream.Preprocessing.Tests;

/// <summary>A fresh folder for one test's image files, deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        FullPath = Directory.CreateTempSubdirectory("vfetps-preprocessing-tests-").FullName;
    }

    public string FullPath { get; }

    public string PathOf(string fileName) => Path.Combine(FullPath, fileName);

    public void Dispose() => Directory.Delete(FullPath, recursive: true);
}
