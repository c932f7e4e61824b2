using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace VfeTps.Stream.Tokenizer.Tests;

/// <summary>Writes tokenizer files the way Hugging Face and OpenAI ship them, independently of the code under test.</summary>
internal static class TestFileWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteVocabulary(string path, IReadOnlyDictionary<string, int> vocabulary) =>
        File.WriteAllText(path, JsonSerializer.Serialize(vocabulary), Utf8NoBom);

    /// <summary>merges.txt: a version header, then "left right" lines.</summary>
    public static void WriteMerges(string path, IEnumerable<string> mergeLines) =>
        File.WriteAllText(path, "#version: 0.2\n" + string.Join('\n', mergeLines) + "\n", Utf8NoBom);

    /// <summary>OpenAI's layout: a header line, then "left right" lines.</summary>
    public static void WriteClipBpeText(string path, IEnumerable<string> mergeLines) =>
        File.WriteAllText(path, ClipBpeContent(mergeLines), Utf8NoBom);

    public static void WriteClipBpeGzip(string path, IEnumerable<string> mergeLines)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        gzip.Write(Utf8NoBom.GetBytes(ClipBpeContent(mergeLines)));
    }

    private static string ClipBpeContent(IEnumerable<string> mergeLines) =>
        "\"bpe_simple_vocab_16e6.txt#version: 0.2\n" + string.Join('\n', mergeLines) + "\n";
}
