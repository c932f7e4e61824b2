using VfeTps.Stream.Storage;

namespace VfeTps.Stream.Embedder.Tests;

/// <summary>
/// Test double: a real blob store whose first read fails with an I/O error (a disk hiccup), to see
/// that one failing batch does not stop the Embedder. Every other call goes to the real store.
/// </summary>
internal sealed class ThrowOnceBlobStore(IBlobStore inner) : IBlobStore
{
    private int _reads;

    public int Failures => Math.Min(Volatile.Read(ref _reads), 1);

    public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _reads) == 1
            ? Task.FromException<byte[]?>(new IOException($"Test double: reading '{key}' failed once."))
            : inner.GetAsync(key, cancellationToken);

    public Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => inner.PutAsync(key, content, cancellationToken);

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => inner.ExistsAsync(key, cancellationToken);

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    public Task<long> DeleteWrittenBeforeAsync(string prefix, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        inner.DeleteWrittenBeforeAsync(prefix, cutoff, cancellationToken);
}
