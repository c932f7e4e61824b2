using System.Globalization;
using System.Text;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Access;

/// <summary>Checks of free text (key names) that keep hostile characters out of lists and logs.</summary>
internal static class TextRules
{
    /// <summary>
    /// True when the text is safe to show: well-formed, no control or invisible formatting characters
    /// (a right-to-left override or a zero-width space would make one name look like another), nothing
    /// unassigned or private-use, no line breaks, and no spaces at either end.
    /// </summary>
    public static bool IsDisplayable(string value)
    {
        if (!Utf16Text.IsWellFormed(value) || value.Trim().Length != value.Length)
            return false;
        foreach (var rune in value.EnumerateRunes())
        {
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.Surrogate:
                case UnicodeCategory.PrivateUse:
                case UnicodeCategory.OtherNotAssigned:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                    return false;
            }
        }

        return true;
    }
}
