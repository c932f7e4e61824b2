using System.Text.Json;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Weights;

/// <summary>
/// Writes named CPU tensors and a metadata map as one safetensors file, in the given order, by way
/// of a temporary file so that a crash never leaves a half-written checkpoint in place.
/// </summary>
public static class SafetensorsWriter
{
    public static void Write(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(tensors);
        var list = tensors.ToList();
        var header = BuildHeader(list, metadata, out var contiguous);
        try
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
                Directory.CreateDirectory(directory);
            var temporary = path + ".tmp";
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(BitConverter.GetBytes((long)header.Length));
                stream.Write(header);
                foreach (var tensor in contiguous)
                    stream.Write(tensor.bytes);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            foreach (var tensor in contiguous)
                tensor.Dispose();
        }
    }

    private static byte[] BuildHeader(List<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata, out List<Tensor> contiguous)
    {
        contiguous = new List<Tensor>(tensors.Count);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject("__metadata__");
                foreach (var (key, value) in metadata)
                    json.WriteString(key, value);
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (var (name, tensor) in tensors)
            {
                var data = tensor.detach().cpu().contiguous();
                contiguous.Add(data);
                var size = data.numel() * SafetensorsDataType.ElementSize(data.dtype);
                json.WriteStartObject(name);
                json.WriteString("dtype", SafetensorsDataType.ToName(data.dtype));
                json.WriteStartArray("shape");
                foreach (var d in data.shape)
                    json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + size);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += size;
            }
            json.WriteEndObject();
        }
        // The format recommends padding the header with spaces to an 8-byte boundary.
        var header = buffer.ToArray();
        var padded = (header.Length + 7) / 8 * 8;
        var result = Enumerable.Repeat((byte)' ', padded).ToArray();
        header.CopyTo(result, 0);
        return result;
    }
}
