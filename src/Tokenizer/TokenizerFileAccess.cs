using System.IO.Compression;

namespace VfeTps.Stream.Tokenizer;

/// <summary>Opens tokenizer files, turning I/O failures into <see cref="TokenizerFormatException"/>s that name the file.</summary>
internal static class TokenizerFileAccess
{
    public static byte[] ReadAllBytes(string path) => Guard(path, () => File.ReadAllBytes(path));

    /// <summary>Reads up to <paramref name="maxLines"/> lines, decompressing when the file is gzip.</summary>
    public static List<string> ReadLines(string path, int maxLines = int.MaxValue) => Guard(path, () =>
    {
        using var file = File.OpenRead(path);
        using var content = IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : (System.IO.Stream)file;
        using var reader = new StreamReader(content, detectEncodingFromByteOrderMarks: true);
        var lines = new List<string>();
        while (lines.Count < maxLines && reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    });

    private static bool IsGzip(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        var isGzip = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Position = 0;
        return isGzip;
    }

    private static T Guard<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new TokenizerFormatException($"The tokenizer file '{path}' does not exist.", path, exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new TokenizerFormatException($"The tokenizer file '{path}' could not be read: {exception.Message}", path, exception);
        }
    }
}
