using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.VectorIndex.Embedded;

/// <summary>
/// The binary form of the point log. A file is a 16-byte header (magic <c>VTPSVLOG</c>, format
/// version, dimension) followed by records, each <c>[u32 body length][u32 CRC-32C of body][body]</c>,
/// all little-endian. A body is an upsert (kind 1: crop id, payload fields, vector) or a retention
/// cut (kind 2: delete everything captured before these UTC ticks). Strings are u16 byte length + UTF-8.
/// </summary>
internal static class LogRecords
{
    public const int HeaderSize = 16;
    public const int RecordHeaderSize = 8;
    public const int FormatVersion = 1;

    /// <summary>No valid record is larger (a 65 536-dimension vector and five 1 024-character strings fit well within).</summary>
    public const int MaxBodySize = 1 << 20;

    public const byte KindUpsert = 1;
    public const byte KindDeleteCapturedBefore = 2;

    private static ReadOnlySpan<byte> Magic => "VTPSVLOG"u8;

    public static byte[] CreateHeader(int dimension)
    {
        var header = new byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), dimension);
        return header;
    }

    /// <summary>The dimension a header declares.</summary>
    /// <exception cref="InvalidDataException">Not a point log of this format.</exception>
    public static int ReadHeader(ReadOnlySpan<byte> header, string path)
    {
        if (header.Length < HeaderSize || !header[..8].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"'{path}' is not a vector index point log (no VTPSVLOG header).");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        var dimension = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        if (version != FormatVersion || dimension < 1)
        {
            throw new InvalidDataException($"'{path}' has point log format {version} and dimension {dimension}; this build reads format {FormatVersion}.");
        }

        return dimension;
    }

    public static void WriteUpsert(IBufferWriter<byte> output, string cropId, ReadOnlySpan<float> vector, CropPayload payload)
    {
        var bodySize = 1 + StringSize(cropId) + StringSize(payload.CameraId) + 8 + 4 + 8 + 2 + 16 + 4
            + StringSize(payload.CropKey) + StringSize(payload.FrameKey) + StringSize(payload.ModelVersion) + (vector.Length * 4);
        var record = output.GetSpan(RecordHeaderSize + bodySize)[..(RecordHeaderSize + bodySize)];
        var body = record[RecordHeaderSize..];
        var writer = new SpanWriter(body);
        writer.Byte(KindUpsert);
        writer.String(cropId);
        writer.String(payload.CameraId);
        writer.Int64(payload.TrackId);
        writer.Int32(payload.ShotIndex);
        writer.Int64(payload.CaptureTime.UtcTicks);
        writer.Int16((short)payload.CaptureTime.TotalOffsetMinutes);
        writer.Int32(payload.Box.X);
        writer.Int32(payload.Box.Y);
        writer.Int32(payload.Box.Width);
        writer.Int32(payload.Box.Height);
        writer.Single(payload.Quality);
        writer.String(payload.CropKey);
        writer.String(payload.FrameKey);
        writer.String(payload.ModelVersion);
        writer.Floats(vector);
        Seal(record);
        output.Advance(record.Length);
    }

    public static void WriteDeleteCapturedBefore(IBufferWriter<byte> output, long cutoffUtcTicks)
    {
        var record = output.GetSpan(RecordHeaderSize + 9)[..(RecordHeaderSize + 9)];
        var writer = new SpanWriter(record[RecordHeaderSize..]);
        writer.Byte(KindDeleteCapturedBefore);
        writer.Int64(cutoffUtcTicks);
        Seal(record);
        output.Advance(record.Length);
    }

    /// <summary>Applies one checksum-verified body to the store; false when it cannot be decoded.</summary>
    public static bool TryApply(ReadOnlySpan<byte> body, RowStore store, ref string? lastModelVersion, out byte kind)
    {
        var reader = new SpanReader(body);
        kind = 0;
        if (!reader.Byte(out kind))
        {
            return false;
        }

        if (kind == KindDeleteCapturedBefore)
        {
            if (!reader.Int64(out var cutoff) || !reader.AtEnd)
            {
                return false;
            }

            store.DeleteCapturedBefore(cutoff);
            return true;
        }

        if (kind != KindUpsert
            || !reader.String(out var cropId) || !reader.String(out var cameraId)
            || !reader.Int64(out var trackId) || !reader.Int32(out var shotIndex)
            || !reader.Int64(out var utcTicks) || !reader.Int16(out var offsetMinutes)
            || !reader.Int32(out var x) || !reader.Int32(out var y) || !reader.Int32(out var width) || !reader.Int32(out var height)
            || !reader.Single(out var quality)
            || !reader.String(out var cropKey) || !reader.String(out var frameKey) || !reader.String(out var modelVersion)
            || !reader.Floats(store.Dimension, out var vector) || !reader.AtEnd
            || cropId.Length == 0 || cameraId.Length == 0
            || !IsValidTime(utcTicks, offsetMinutes))
        {
            return false;
        }

        // One model version per collection: share its string instead of a copy per row.
        modelVersion = modelVersion == lastModelVersion ? lastModelVersion : modelVersion;
        lastModelVersion = modelVersion;
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        var captureTime = new DateTimeOffset(utcTicks + offset.Ticks, offset);
        var payload = new CropPayload(cameraId, trackId, shotIndex, captureTime, new BoundingBox(x, y, width, height), quality, cropKey, frameKey, modelVersion);
        if (BitConverter.IsLittleEndian)
        {
            store.Upsert(cropId, MemoryMarshal.Cast<byte, float>(vector), payload);
        }
        else
        {
            var floats = new float[store.Dimension];
            for (var i = 0; i < floats.Length; i++)
            {
                floats[i] = BinaryPrimitives.ReadSingleLittleEndian(vector[(i * 4)..]);
            }

            store.Upsert(cropId, floats, payload);
        }

        return true;
    }

    private static bool IsValidTime(long utcTicks, short offsetMinutes)
    {
        var localTicks = utcTicks + (offsetMinutes * TimeSpan.TicksPerMinute);
        return utcTicks is >= 0 && utcTicks <= DateTime.MaxValue.Ticks && Math.Abs((int)offsetMinutes) <= 14 * 60
            && localTicks >= 0 && localTicks <= DateTime.MaxValue.Ticks;
    }

    private static int StringSize(string value)
    {
        var bytes = Encoding.UTF8.GetByteCount(value);
        if (bytes > ushort.MaxValue)
        {
            throw new ArgumentException($"A payload string of {bytes} UTF-8 bytes is too long for the point log.");
        }

        return 2 + bytes;
    }

    private static void Seal(Span<byte> record)
    {
        var body = record[RecordHeaderSize..];
        BinaryPrimitives.WriteInt32LittleEndian(record, body.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record[4..], Crc32C.Compute(body));
    }

    private ref struct SpanWriter(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;
        private int _position;

        public void Byte(byte value) => _buffer[_position++] = value;

        public void Int16(short value) => Advance(2, BinaryPrimitives.TryWriteInt16LittleEndian(_buffer[_position..], value));

        public void Int32(int value) => Advance(4, BinaryPrimitives.TryWriteInt32LittleEndian(_buffer[_position..], value));

        public void Int64(long value) => Advance(8, BinaryPrimitives.TryWriteInt64LittleEndian(_buffer[_position..], value));

        public void Single(float value) => Advance(4, BinaryPrimitives.TryWriteSingleLittleEndian(_buffer[_position..], value));

        public void String(string value)
        {
            var written = Encoding.UTF8.GetBytes(value, _buffer[(_position + 2)..]);
            BinaryPrimitives.WriteUInt16LittleEndian(_buffer[_position..], (ushort)written);
            _position += 2 + written;
        }

        public void Floats(ReadOnlySpan<float> values)
        {
            if (BitConverter.IsLittleEndian)
            {
                MemoryMarshal.AsBytes(values).CopyTo(_buffer[_position..]);
                _position += values.Length * 4;
                return;
            }

            foreach (var value in values)
            {
                Single(value);
            }
        }

        private void Advance(int size, bool written)
        {
            if (!written)
            {
                throw new InvalidOperationException("Log record buffer overrun.");
            }

            _position += size;
        }
    }

    private ref struct SpanReader(ReadOnlySpan<byte> buffer)
    {
        private readonly ReadOnlySpan<byte> _buffer = buffer;
        private int _position;

        public readonly bool AtEnd => _position == _buffer.Length;

        public bool Byte(out byte value)
        {
            var ok = _position < _buffer.Length;
            value = ok ? _buffer[_position++] : (byte)0;
            return ok;
        }

        public bool Int16(out short value) => Take(2, out var bytes) & BinaryPrimitives.TryReadInt16LittleEndian(bytes, out value);

        public bool Int32(out int value) => Take(4, out var bytes) & BinaryPrimitives.TryReadInt32LittleEndian(bytes, out value);

        public bool Int64(out long value) => Take(8, out var bytes) & BinaryPrimitives.TryReadInt64LittleEndian(bytes, out value);

        public bool Single(out float value) => Take(4, out var bytes) & BinaryPrimitives.TryReadSingleLittleEndian(bytes, out value);

        public bool String(out string value)
        {
            value = string.Empty;
            if (!Take(2, out var lengthBytes) || !Take(BinaryPrimitives.ReadUInt16LittleEndian(lengthBytes), out var bytes))
            {
                return false;
            }

            value = Encoding.UTF8.GetString(bytes);
            return true;
        }

        public bool Floats(int count, out ReadOnlySpan<byte> bytes) => Take(count * 4, out bytes);

        private bool Take(int size, out ReadOnlySpan<byte> bytes)
        {
            if (_buffer.Length - _position < size)
            {
                bytes = default;
                return false;
            }

            bytes = _buffer.Slice(_position, size);
            _position += size;
            return true;
        }
    }
}
