using System.Buffers.Binary;
using System.Text;

namespace VfeTps.Stream.Onnx;

/// <summary>
/// The protocol-buffers wire format, only as much as ONNX needs: varints, 32-bit floats,
/// length-delimited strings, bytes and nested messages. Nested messages are written into their
/// own writer first because a length prefix must precede its message.
/// </summary>
internal sealed class ProtoWriter
{
    private const int VarintWire = 0;
    private const int LengthDelimitedWire = 2;
    private const int Fixed32Wire = 5;

    private readonly MemoryStream _buffer = new();

    public long Length => _buffer.Length;

    public void Varint(int field, long value)
    {
        Tag(field, VarintWire);
        RawVarint(unchecked((ulong)value));
    }

    public void Float(int field, float value)
    {
        Tag(field, Fixed32Wire);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        _buffer.Write(bytes);
    }

    public void String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public void Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, LengthDelimitedWire);
        RawVarint((ulong)value.Length);
        _buffer.Write(value);
    }

    public void Message(int field, Action<ProtoWriter> writeBody)
    {
        var nested = new ProtoWriter();
        writeBody(nested);
        Tag(field, LengthDelimitedWire);
        RawVarint((ulong)nested.Length);
        nested._buffer.Position = 0;
        nested._buffer.CopyTo(_buffer);
    }

    public void CopyTo(System.IO.Stream destination)
    {
        _buffer.Position = 0;
        _buffer.CopyTo(destination);
    }

    private void Tag(int field, int wireType) => RawVarint(((ulong)field << 3) | (uint)wireType);

    private void RawVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        _buffer.WriteByte((byte)value);
    }
}
