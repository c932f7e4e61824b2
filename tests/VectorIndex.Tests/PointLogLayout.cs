using System.Buffers.Binary;

namespace VfeTps.Stream.VectorIndex.Tests;

/// <summary>Reads the record boundaries of an embedded point log (16-byte header, then [u32 length][u32 crc][body] records).</summary>
internal static class PointLogLayout
{
    public const int HeaderSize = 16;

    /// <summary>Where each record starts and how long it is, header included.</summary>
    public static List<(long Offset, int Length)> Records(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var records = new List<(long, int)>();
        var offset = HeaderSize;
        while (offset + 8 <= bytes.Length)
        {
            var length = 8 + BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset));
            records.Add((offset, length));
            offset += length;
        }

        Assert.Equal(bytes.Length, offset);
        return records;
    }
}
