namespace VfeTps.Stream.Testing;

/// <summary>A scratch folder for one test, deleted with it (linked into every test project).</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        FullPath = Directory.CreateTempSubdirectory("vfetps-test-").FullName;
    }

    public string FullPath { get; }

    public string PathOf(string relativePath) => Path.Combine(FullPath, relativePath);

    public string CreateSubdirectory(string name) => Directory.CreateDirectory(PathOf(name)).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(FullPath, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
