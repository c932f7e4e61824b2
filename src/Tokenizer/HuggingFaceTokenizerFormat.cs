using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace VfeTps.Stream.Tokenizer;

/// <summary>Reads and writes the Hugging Face pair: <c>vocab.json</c> (token to id) and <c>merges.txt</c>.</summary>
internal static class HuggingFaceTokenizerFormat
{
    private const string VersionHeader = "#version: 0.2";

    public static ClipTokenizer Read(string vocabularyPath, string mergesPath)
    {
        var vocabulary = ReadVocabulary(vocabularyPath);
        foreach (var special in new[] { ClipSpecialTokens.StartOfText, ClipSpecialTokens.EndOfText })
        {
            if (!vocabulary.ContainsKey(special))
            {
                throw new TokenizerFormatException(
                    $"Vocabulary file '{vocabularyPath}' lacks the special token '{special}'.",
                    vocabularyPath);
            }
        }

        var merges = ReadMerges(mergesPath);
        try
        {
            return new ClipTokenizer(vocabulary, merges);
        }
        catch (ArgumentException exception)
        {
            throw new TokenizerFormatException(
                $"Tokenizer files '{vocabularyPath}' and '{mergesPath}' are inconsistent: {exception.Message}",
                vocabularyPath,
                exception);
        }
    }

    public static TokenizerFiles Write(string directory, IReadOnlyDictionary<string, int> vocabulary, IReadOnlyList<BpeMerge> merges)
    {
        Directory.CreateDirectory(directory);
        var files = TokenizerFiles.HuggingFace(
            Path.Combine(directory, TokenizerFiles.VocabularyFileName),
            Path.Combine(directory, TokenizerFiles.MergesFileName));

        using (var stream = File.Create(files.VocabularyPath!))
        {
            // Relaxed escaping keeps byte symbols such as 'Ġ' readable; the file never meets HTML.
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            writer.WriteStartObject();
            foreach (var (token, id) in vocabulary.OrderBy(entry => entry.Value))
            {
                writer.WriteNumber(token, id);
            }

            writer.WriteEndObject();
        }

        var mergeText = new StringBuilder(VersionHeader).Append('\n');
        foreach (var merge in merges)
        {
            mergeText.Append(merge.Left).Append(' ').Append(merge.Right).Append('\n');
        }

        File.WriteAllText(files.MergesPath, mergeText.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return files;
    }

    private static Dictionary<string, int> ReadVocabulary(string path)
    {
        var bytes = TokenizerFileAccess.ReadAllBytes(path).AsMemory();
        if (bytes.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException exception)
        {
            throw new TokenizerFormatException(
                $"Vocabulary file '{path}' is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}): {exception.Message}",
                path,
                exception);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new TokenizerFormatException(
                    $"Vocabulary file '{path}' must hold a JSON object of token to id, not a {document.RootElement.ValueKind}.",
                    path);
            }

            var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
            var tokenOfId = new Dictionary<int, string>();
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetInt32(out var id) || id < 0)
                {
                    throw new TokenizerFormatException(
                        $"Vocabulary file '{path}': token '{entry.Name}' has id {entry.Value.GetRawText()}, not a non-negative integer.",
                        path);
                }

                if (!vocabulary.TryAdd(entry.Name, id))
                {
                    throw new TokenizerFormatException($"Vocabulary file '{path}': token '{entry.Name}' appears twice.", path);
                }

                if (!tokenOfId.TryAdd(id, entry.Name))
                {
                    throw new TokenizerFormatException(
                        $"Vocabulary file '{path}': tokens '{tokenOfId[id]}' and '{entry.Name}' share id {id}.",
                        path);
                }
            }

            return vocabulary;
        }
    }

    private static List<BpeMerge> ReadMerges(string path)
    {
        var lines = TokenizerFileAccess.ReadLines(path);
        var headerLines = lines.Count > 0 && lines[0].StartsWith("#version", StringComparison.Ordinal) ? 1 : 0;
        return MergeListParser.Parse(lines[headerLines..], path, firstLineNumber: headerLines + 1);
    }
}
