using System.Buffers;
using System.Security.Cryptography;

namespace VfeTps.Stream.Inference;

/// <summary>SHA-256 of bundle files, as lower-case hex: computed while copying (writer) and re-read (loader).</summary>
public static class FileChecksum
{
    private const int BufferSize = 1 << 20;

    public static bool IsSha256Hex(string? text) =>
        text is { Length: 64 } && text.All(static c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    public static string Sha256Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// Copies <paramref name="source"/> to a new file <paramref name="destination"/>, hashing the bytes
    /// as they are written, and flushes the copy to disk; returns the checksum.
    /// </summary>
    public static string CopyWithSha256(string source, string destination)
    {
        using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = input.Read(buffer, 0, BufferSize)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                output.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        output.Flush(flushToDisk: true);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
