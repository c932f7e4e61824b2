using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using VfeTps.Stream.Audit.Storage;

namespace VfeTps.Stream.Audit.Chain;

/// <summary>
/// The hash chain: an entry's hash is SHA-256 over the previous entry's hash and an unambiguous binary
/// encoding of the entry's fields (a version tag; integers as 8-byte big-endian; each text as a presence
/// byte, a 4-byte big-endian UTF-8 length and the bytes; the detail as its count and its pairs in ordinal
/// key order). Length prefixes make every field boundary explicit, so no two different entries encode the
/// same, whatever characters their values hold. The first entry chains from <see cref="Genesis"/>.
/// </summary>
internal static class AuditHash
{
    /// <summary>The hash the first entry of a new trail chains from.</summary>
    public static readonly string Genesis = new('0', 64);

    private static readonly byte[] Version = "vfetps-audit/1"u8.ToArray();

    public static string Compute(AuditRow row)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Version);
        AppendText(hash, row.PreviousHash);
        AppendInteger(hash, row.Sequence);
        AppendInteger(hash, row.TimeUnixMs);
        AppendText(hash, row.Action);
        AppendText(hash, row.ActorId);
        AppendText(hash, row.ActorName);
        AppendText(hash, row.Target);
        AppendInteger(hash, row.Detail.Count);
        foreach (var (key, value) in row.Detail.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            AppendText(hash, key);
            AppendText(hash, value);
        }

        AppendText(hash, row.Outcome);
        AppendText(hash, row.ClientAddress);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AppendInteger(IncrementalHash hash, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        hash.AppendData(bytes);
    }

    private static void AppendText(IncrementalHash hash, string? text)
    {
        if (text is null)
        {
            hash.AppendData([0]);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> header = stackalloc byte[5];
        header[0] = 1;
        BinaryPrimitives.WriteInt32BigEndian(header[1..], bytes.Length);
        hash.AppendData(header);
        hash.AppendData(bytes);
    }
}
