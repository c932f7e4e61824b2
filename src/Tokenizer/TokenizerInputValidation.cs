namespace VfeTps.Stream.Tokenizer;

/// <summary>Checks a vocabulary and merge list before a <see cref="ClipTokenizer"/> is built from them.</summary>
internal static class TokenizerInputValidation
{
    // Far beyond any BPE vocabulary; guards against allocating an id table for a corrupt id.
    private const int MaxTokenId = (1 << 24) - 1;

    /// <summary>The token of each id (null where an id is unused), after checking ids are in range and distinct.</summary>
    public static string?[] IndexTokensById(IReadOnlyDictionary<string, int> vocabulary)
    {
        var maxId = -1;
        foreach (var (token, id) in vocabulary)
        {
            if (id is < 0 or > MaxTokenId)
            {
                throw new ArgumentException($"The token '{token}' has id {id}, outside 0..{MaxTokenId}.", nameof(vocabulary));
            }

            maxId = Math.Max(maxId, id);
        }

        var tokens = new string?[maxId + 1];
        foreach (var (token, id) in vocabulary)
        {
            if (tokens[id] is { } other)
            {
                throw new ArgumentException($"The tokens '{other}' and '{token}' share id {id}.", nameof(vocabulary));
            }

            tokens[id] = token;
        }

        return tokens;
    }

    public static void ValidateMerges(IReadOnlyList<BpeMerge> merges)
    {
        for (var rank = 0; rank < merges.Count; rank++)
        {
            var (left, right) = merges[rank];
            if (!IsSymbol(left) || !IsSymbol(right))
            {
                throw new ArgumentException(
                    $"The merge at rank {rank} ('{left}', '{right}') needs two non-empty symbols without whitespace.",
                    nameof(merges));
            }
        }

        static bool IsSymbol(string? symbol) =>
            !string.IsNullOrEmpty(symbol) && !symbol.Any(char.IsWhiteSpace);
    }

    public static int RequireSpecial(IReadOnlyDictionary<string, int> vocabulary, string special) =>
        vocabulary.TryGetValue(special, out var id)
            ? id
            : throw new ArgumentException($"The vocabulary lacks the special token '{special}'.", nameof(vocabulary));
}
