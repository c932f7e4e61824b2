using System.Text;

namespace VfeTps.Stream.SynthPedes;

/// <summary>Small text utilities for captions: articles, lists, capitals and the word count.</summary>
public static class CaptionText
{
    /// <summary>Words are whitespace-separated tokens with a letter or digit (a lone "," or "." is not a word).</summary>
    public static int CountWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        foreach (var token in text.Split(' ', '\t', '\n'))
        {
            if (token.Any(char.IsLetterOrDigit))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>"a" or "an" before <paramref name="phrase"/>.</summary>
    internal static string WithArticle(string phrase) =>
        ("aeiou".Contains(char.ToLowerInvariant(phrase[0]), StringComparison.Ordinal) ? "an " : "a ") + phrase;

    internal static string List(IReadOnlyList<string> items, bool oxfordComma)
    {
        if (items.Count <= 1)
        {
            return items.Count == 1 ? items[0] : string.Empty;
        }

        var text = new StringBuilder();
        for (var i = 0; i < items.Count - 1; i++)
        {
            text.Append(items[i]).Append(i < items.Count - 2 ? ", " : string.Empty);
        }

        return text.Append(oxfordComma && items.Count > 2 ? ", and " : " and ").Append(items[^1]).ToString();
    }

    internal static string Capitalize(string sentence) =>
        sentence.Length == 0 ? sentence : char.ToUpperInvariant(sentence[0]) + sentence[1..];
}
