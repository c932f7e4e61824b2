namespace VfeTps.Stream.Storage;

/// <summary>
/// Blobs as files under one folder. A put writes a temporary file and renames it over the key, so a
/// reader never sees half a JPEG and a crash leaves either the old or the new content.
/// </summary>
public sealed class LocalFolderBlobStore : IBlobStore
{
    private readonly string _root;

    public LocalFolderBlobStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        _root = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(_root);
    }

    public string RootDirectory => _root;

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, content, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException
            || (e is UnauthorizedAccessException && Directory.Exists(path)))
        {
            // A key that names a folder ("crops") is no blob, as ExistsAsync says; not an access error.
            return null;
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(key)));

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    public Task<long> DeleteWrittenBeforeAsync(string prefix, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (!prefix.EndsWith('/') || !BlobKeys.IsValid(prefix[..^1]))
        {
            throw new ArgumentException($"'{prefix}' is not a blob key prefix (a key followed by '/').", nameof(prefix));
        }

        var folder = Path.Combine(_root, prefix);
        if (!Directory.Exists(folder))
        {
            return Task.FromResult(0L);
        }

        long deleted = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.LastWriteTimeUtc < cutoff.UtcDateTime)
            {
                file.Delete();
                deleted++;
            }
        }

        return Task.FromResult(deleted);
    }

    private string PathOf(string key)
    {
        BlobKeys.Validate(key);
        return Path.Combine(_root, key);
    }
}
