namespace VfeTps.Stream.Tokenizer.Tests;

/// <summary>
/// A line-by-line transcription of simple_tokenizer.py's bytes_to_unicode and vocabulary layout,
/// kept apart from the production code so that tests can check it against the reference.
/// </summary>
internal static class ReferenceClipLayout
{
    public static Dictionary<string, int> Vocabulary(IEnumerable<(string Left, string Right)> merges)
    {
        // vocab = list(bytes_to_unicode().values()); vocab = vocab + [v + '</w>' for v in vocab]
        var vocabulary = ByteToUnicode().Select(entry => entry.Value.ToString()).ToList();
        vocabulary.AddRange(vocabulary.Select(token => token + "</w>").ToList());
        vocabulary.AddRange(merges.Select(merge => merge.Left + merge.Right));
        vocabulary.Add("<|startoftext|>");
        vocabulary.Add("<|endoftext|>");
        return vocabulary.Select((token, id) => (token, id)).ToDictionary(entry => entry.token, entry => entry.id);
    }

    /// <summary>bytes_to_unicode() as (byte, character) pairs in the reference's insertion order.</summary>
    public static List<KeyValuePair<int, char>> ByteToUnicode()
    {
        var bytes = Enumerable.Range('!', '~' - '!' + 1)
            .Concat(Enumerable.Range('¡', '¬' - '¡' + 1))
            .Concat(Enumerable.Range('®', 'ÿ' - '®' + 1))
            .ToList();
        var characters = new List<int>(bytes);
        var extra = 0;
        for (var value = 0; value < 256; value++)
        {
            if (!bytes.Contains(value))
            {
                bytes.Add(value);
                characters.Add(256 + extra);
                extra++;
            }
        }

        return [.. bytes.Zip(characters, (value, character) => KeyValuePair.Create(value, (char)character))];
    }
}
