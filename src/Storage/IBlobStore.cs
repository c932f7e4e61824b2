namespace VfeTps.Stream.Storage;

/// <summary>
/// Crop and frame images by key (a local folder in the embedded deployment, object storage when
/// distributed). Keys are relative paths of <c>[a-z0-9._-]</c> segments separated by '/'.
/// Writes are idempotent: putting a key again replaces it.
/// </summary>
public interface IBlobStore
{
    Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The content, or null when there is no such key.</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes the key; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes every blob under <paramref name="prefix"/> (a key prefix ending in '/') written before the cutoff (retention); returns how many.</summary>
    Task<long> DeleteWrittenBeforeAsync(string prefix, DateTimeOffset cutoff, CancellationToken cancellationToken);
}
