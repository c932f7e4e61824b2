using System.Buffers;
using System.Buffers.Binary;

namespace VfeTps.Stream.VectorIndex.Embedded;

/// <summary>
/// Replays a point log into a <see cref="RowStore"/>. Reading stops at the first record that is
/// incomplete (a write torn by a crash or power cut), fails its checksum, or cannot be decoded. What
/// follows it is copied aside (<c>points.log.discarded-*</c>, for inspection) and cut off, so that new
/// records are appended after the last good one; the open goes on with everything before it.
/// </summary>
internal static class PointLogReader
{
    private const int ReadBufferSize = 1 << 20;

    /// <summary>The dimension recorded in the log's header.</summary>
    public static int ReadDimension(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[LogRecords.HeaderSize];
        var read = RandomAccess.Read(handle, header, 0);
        return LogRecords.ReadHeader(header[..read], path);
    }

    public static ReplayResult Replay(string path, RowStore store, bool flushToDisk)
    {
        long upserts = 0;
        long deletes = 0;
        string? lastModelVersion = null;
        string? problem = null;
        long offset = LogRecords.HeaderSize;
        var body = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, ReadBufferSize, FileOptions.SequentialScan))
            {
                stream.Position = offset;
                Span<byte> recordHeader = stackalloc byte[LogRecords.RecordHeaderSize];
                while (true)
                {
                    var read = stream.ReadAtLeast(recordHeader, recordHeader.Length, throwOnEndOfStream: false);
                    if (read == 0)
                    {
                        break;
                    }

                    if (read < recordHeader.Length)
                    {
                        problem = "an incomplete record header";
                        break;
                    }

                    var length = BinaryPrimitives.ReadInt32LittleEndian(recordHeader);
                    var checksum = BinaryPrimitives.ReadUInt32LittleEndian(recordHeader[4..]);
                    if (length is < 1 or > LogRecords.MaxBodySize)
                    {
                        problem = $"a record length of {length} bytes";
                        break;
                    }

                    if (body.Length < length)
                    {
                        ArrayPool<byte>.Shared.Return(body);
                        body = ArrayPool<byte>.Shared.Rent(length);
                    }

                    var span = body.AsSpan(0, length);
                    if (stream.ReadAtLeast(span, length, throwOnEndOfStream: false) < length)
                    {
                        problem = "an incomplete record";
                        break;
                    }

                    if (Crc32C.Compute(span) != checksum)
                    {
                        problem = "a record whose checksum does not match";
                        break;
                    }

                    if (!LogRecords.TryApply(span, store, ref lastModelVersion, out var kind))
                    {
                        problem = "a record that cannot be decoded";
                        break;
                    }

                    if (kind == LogRecords.KindUpsert)
                    {
                        upserts++;
                    }
                    else
                    {
                        deletes++;
                    }

                    offset += LogRecords.RecordHeaderSize + length;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }

        if (problem is null)
        {
            return new ReplayResult(upserts, deletes, offset, null);
        }

        var fileLength = new FileInfo(path).Length;
        var discarded = DiscardTail(path, offset, fileLength, flushToDisk);
        return new ReplayResult(upserts, deletes, offset, new DiscardedTail(offset, fileLength - offset, problem, discarded));
    }

    /// <summary>Copies the bad tail aside and cuts it off the log.</summary>
    private static string DiscardTail(string path, long offset, long fileLength, bool flushToDisk)
    {
        var aside = $"{path}.discarded-{DateTime.UtcNow:yyyyMMdd'T'HHmmssfff'Z'}";
        using (var source = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete))
        {
            using (var target = new FileStream(aside, FileMode.CreateNew, FileAccess.Write))
            {
                source.Position = offset;
                source.CopyTo(target);
            }

            source.SetLength(offset);
            source.Flush(flushToDisk);
        }

        return aside;
    }
}

/// <summary>What a replay read: record counts, where the good part of the log ends, and any tail cut off.</summary>
internal sealed record ReplayResult(long Upserts, long Deletes, long ValidLength, DiscardedTail? Discarded);

/// <summary>A torn or corrupt tail: where it began, how long it was, what was wrong, where it was copied.</summary>
internal sealed record DiscardedTail(long Offset, long Length, string Problem, string CopiedTo);
