using System.Text.Json;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Weights;

/// <summary>
/// Reads a safetensors file (8-byte little-endian header length, JSON header, raw data). The
/// header is parsed and checked up front; tensors are read one at a time on request, so a
/// strict loader can report every mismatch before touching any weights.
/// </summary>
public sealed class SafetensorsReader : IDisposable
{
    private const long MaxHeaderBytes = 100L * 1024 * 1024;
    private readonly FileStream _stream;
    private readonly long _dataStart;

    private SafetensorsReader(string path, FileStream stream, long dataStart,
        IReadOnlyDictionary<string, SafetensorsEntry> entries, IReadOnlyDictionary<string, string> metadata)
    {
        Path = path;
        _stream = stream;
        _dataStart = dataStart;
        Entries = entries;
        Metadata = metadata;
    }

    public string Path { get; }

    public IReadOnlyDictionary<string, SafetensorsEntry> Entries { get; }

    /// <summary>The optional <c>__metadata__</c> string map.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public static SafetensorsReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Safetensors file '{path}' does not exist.", path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            var (dataStart, entries, metadata) = ReadHeader(path, stream);
            return new SafetensorsReader(path, stream, dataStart, entries, metadata);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads one tensor in its stored dtype, on the CPU.</summary>
    public Tensor Read(string name)
    {
        if (!Entries.TryGetValue(name, out var entry))
            throw new KeyNotFoundException($"'{Path}' has no tensor named '{name}'.");
        var type = SafetensorsDataType.ToScalarType(entry.DataType);
        var bytes = new byte[entry.End - entry.Begin];
        _stream.Seek(_dataStart + entry.Begin, SeekOrigin.Begin);
        _stream.ReadExactly(bytes);
        var tensor = empty(entry.Shape, type);
        tensor.bytes = bytes;
        return tensor;
    }

    public void Dispose() => _stream.Dispose();

    private static (long DataStart, Dictionary<string, SafetensorsEntry> Entries, Dictionary<string, string> Metadata) ReadHeader(
        string path, FileStream stream)
    {
        Span<byte> lengthBytes = stackalloc byte[8];
        if (stream.Length < 8 || stream.Read(lengthBytes) != 8)
            throw Invalid(path, "the file is shorter than the 8-byte header length.");
        var headerLength = BitConverter.ToInt64(lengthBytes);
        if (headerLength <= 0 || headerLength > MaxHeaderBytes || 8 + headerLength > stream.Length)
            throw Invalid(path, $"the header length {headerLength} does not fit the file ({stream.Length} bytes).");

        var header = new byte[headerLength];
        stream.ReadExactly(header);
        var dataStart = 8 + headerLength;
        var dataLength = stream.Length - dataStart;

        var entries = new Dictionary<string, SafetensorsEntry>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(header);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "__metadata__")
                {
                    foreach (var item in property.Value.EnumerateObject())
                        metadata[item.Name] = item.Value.GetString() ?? string.Empty;
                    continue;
                }
                var entry = ParseEntry(property);
                if (!SafetensorsDataType.IsSupported(entry.DataType))
                    throw Invalid(path, $"tensor '{entry.Name}' has the unsupported dtype '{entry.DataType}'.");
                var type = SafetensorsDataType.ToScalarType(entry.DataType);
                var expected = entry.ElementCount * SafetensorsDataType.ElementSize(type);
                if (entry.Begin < 0 || entry.End > dataLength || entry.End - entry.Begin != expected)
                    throw Invalid(path, $"tensor '{entry.Name}' ({entry.DataType} {entry.ShapeText}) has data offsets [{entry.Begin}, {entry.End}] that do not match its size or the file.");
                entries[entry.Name] = entry;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw Invalid(path, "the JSON header is malformed: " + e.Message);
        }
        return (dataStart, entries, metadata);
    }

    private static SafetensorsEntry ParseEntry(JsonProperty property)
    {
        var value = property.Value;
        var shape = value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
        var offsets = value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
        if (offsets.Length != 2)
            throw new FormatException($"tensor '{property.Name}' needs exactly two data offsets.");
        return new SafetensorsEntry(property.Name, value.GetProperty("dtype").GetString() ?? string.Empty, shape, offsets[0], offsets[1]);
    }

    private static InvalidDataException Invalid(string path, string reason) =>
        new($"'{path}' is not a valid safetensors file: {reason}");
}
