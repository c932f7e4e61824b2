namespace VfeTps.Stream.Tokenizer.Tests;

/// <summary>A fresh folder for one test's tokenizer files, deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        FullPath = Directory.CreateTempSubdirectory("vfetps-tokenizer-tests-").FullName;
    }

    public string FullPath { get; }

    public string PathOf(string fileName) => Path.Combine(FullPath, fileName);

    public string CreateSubdirectory(string name) => Directory.CreateDirectory(PathOf(name)).FullName;

    public void Dispose() => Directory.Delete(FullPath, recursive: true);
}
