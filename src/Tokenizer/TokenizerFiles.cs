using System.Diagnostics.CodeAnalysis;

namespace VfeTps.Stream.Tokenizer;

/// <summary>
/// Which files hold a tokenizer, and in which format. A model bundle carries its tokenizer next to
/// its weights; <see cref="Locate"/> finds it there and <see cref="Paths"/> lists what to copy.
/// </summary>
public sealed class TokenizerFiles
{
    /// <summary>Hugging Face vocabulary file name: a JSON object of token to id.</summary>
    public const string VocabularyFileName = "vocab.json";

    /// <summary>Hugging Face merges file name: an optional <c>#version</c> line, then one merge a line.</summary>
    public const string MergesFileName = "merges.txt";

    /// <summary>OpenAI CLIP's gzip-compressed merge list.</summary>
    public const string ClipBpeFileName = "bpe_simple_vocab_16e6.txt.gz";

    /// <summary>The same merge list uncompressed.</summary>
    public const string ClipBpeTextFileName = "bpe_simple_vocab_16e6.txt";

    private TokenizerFiles(TokenizerFileFormat format, string? vocabularyPath, string mergesPath)
    {
        Format = format;
        VocabularyPath = vocabularyPath;
        MergesPath = mergesPath;
    }

    public TokenizerFileFormat Format { get; }

    /// <summary>The <c>vocab.json</c> path; null for <see cref="TokenizerFileFormat.ClipBpe"/>, whose vocabulary is derived.</summary>
    public string? VocabularyPath { get; }

    /// <summary>The <c>merges.txt</c> path, or for <see cref="TokenizerFileFormat.ClipBpe"/> the <c>bpe_simple_vocab</c> file.</summary>
    public string MergesPath { get; }

    /// <summary>Every file of the tokenizer, for copying it along with a model.</summary>
    public IReadOnlyList<string> Paths => VocabularyPath is null ? [MergesPath] : [VocabularyPath, MergesPath];

    public static TokenizerFiles HuggingFace(string vocabularyPath, string mergesPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vocabularyPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(mergesPath);
        return new TokenizerFiles(TokenizerFileFormat.HuggingFace, vocabularyPath, mergesPath);
    }

    /// <summary>OpenAI's merge list, gzip-compressed or plain (told apart by content, not name).</summary>
    public static TokenizerFiles ClipBpe(string bpePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bpePath);
        return new TokenizerFiles(TokenizerFileFormat.ClipBpe, null, bpePath);
    }

    /// <summary>
    /// Finds the tokenizer in a model folder, preferring the <c>vocab.json</c> + <c>merges.txt</c>
    /// pair over <c>bpe_simple_vocab_16e6.txt.gz</c> over <c>bpe_simple_vocab_16e6.txt</c>.
    /// </summary>
    /// <exception cref="TokenizerFormatException">None of them is there.</exception>
    public static TokenizerFiles Locate(string directory)
    {
        if (TryLocate(directory, out var files))
        {
            return files;
        }

        var vocabularyPath = Path.Combine(directory, VocabularyFileName);
        var mergesPath = Path.Combine(directory, MergesFileName);
        var halfPair = (File.Exists(vocabularyPath), File.Exists(mergesPath)) switch
        {
            (true, false) => $" '{vocabularyPath}' exists but '{mergesPath}' is missing.",
            (false, true) => $" '{mergesPath}' exists but '{vocabularyPath}' is missing.",
            _ => string.Empty,
        };
        throw new TokenizerFormatException(
            $"No tokenizer files in '{directory}': expected {VocabularyFileName} + {MergesFileName}, {ClipBpeFileName} or {ClipBpeTextFileName}.{halfPair}",
            directory);
    }

    public static bool TryLocate(string directory, [NotNullWhen(true)] out TokenizerFiles? files)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var vocabularyPath = Path.Combine(directory, VocabularyFileName);
        var mergesPath = Path.Combine(directory, MergesFileName);
        var clipPaths = new[] { ClipBpeFileName, ClipBpeTextFileName }.Select(name => Path.Combine(directory, name));
        files = File.Exists(vocabularyPath) && File.Exists(mergesPath)
            ? HuggingFace(vocabularyPath, mergesPath)
            : clipPaths.Where(File.Exists).Select(ClipBpe).FirstOrDefault();
        return files is not null;
    }
}
