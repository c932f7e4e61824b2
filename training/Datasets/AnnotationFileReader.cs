using System.Text.Json;

namespace VfeTps.Stream.Datasets;

/// <summary>Reads a JSON file whose top level must be an array, turning every failure into a <see cref="DatasetFormatException"/> naming the file.</summary>
internal static class AnnotationFileReader
{
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Parses the file; the caller disposes the document.</summary>
    public static JsonDocument ReadArray(string path, string what)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DatasetFormatException($"The {what} '{path}' does not exist.", path, innerException: exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DatasetFormatException($"The {what} '{path}' could not be read: {exception.Message}", path, innerException: exception);
        }

        var json = bytes.AsMemory();
        if (json.Span.StartsWith(Utf8ByteOrderMark))
        {
            json = json[Utf8ByteOrderMark.Length..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new DatasetFormatException($"The {what} '{path}' is not valid JSON: {exception.Message}", path, innerException: exception);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            var kind = JsonText.Describe(document.RootElement);
            document.Dispose();
            throw new DatasetFormatException($"The {what} '{path}' must hold a JSON array of entries at the top level, but holds {kind}.", path);
        }

        return document;
    }
}
