namespace VfeTps.Stream.Tokenizer;

/// <summary>
/// CLIP's text clean-up before pre-tokenizing: lower-case (invariant), collapse every whitespace
/// run to one space and trim. ftfy and HTML unescaping of the reference are left out on purpose:
/// captions and queries here are plain text. Shared by <see cref="ClipTokenizer"/> and
/// <see cref="BpeVocabularyBuilder"/> so that training and serving see the same words.
/// </summary>
internal static class ClipTextNormalizer
{
    /// <summary>
    /// Writes the normalized form of <paramref name="text"/> into <paramref name="destination"/>
    /// (at least as long as the text; normalizing never lengthens it) and returns its length.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination)
    {
        // Invariant lower-casing maps char for char (surrogate pairs included), so lengths match.
        var lowered = text.ToLowerInvariant(destination);
        var collapsed = CollapseWhitespace(destination[..lowered]);
        return TrimInformationSeparators(destination[..collapsed]);
    }

    /// <summary>
    /// The reference ends with Python's <c>str.strip()</c>, which also strips the information
    /// separators U+001C..U+001F that its <c>\s</c> does not collapse; they only go at the ends.
    /// </summary>
    private static int TrimInformationSeparators(Span<char> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsPythonSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsPythonSpace(text[end - 1]))
        {
            end--;
        }

        text[start..end].CopyTo(text);
        return end - start;

        static bool IsPythonSpace(char character) => character is ' ' or (>= '\u001C' and <= '\u001F');
    }

    /// <summary>Collapses whitespace runs in place; the write position never passes the read position.</summary>
    private static int CollapseWhitespace(Span<char> text)
    {
        var written = 0;
        var pendingSpace = false;
        foreach (var character in text)
        {
            if (char.IsWhiteSpace(character))
            {
                // Leading whitespace is dropped; inner runs become one space once a word follows.
                pendingSpace = written > 0;
                continue;
            }

            if (pendingSpace)
            {
                text[written++] = ' ';
                pendingSpace = false;
            }

            text[written++] = character;
        }

        return written;
    }
}
