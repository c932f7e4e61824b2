namespace VfeTps.Stream.WebApi;

/// <summary>Checks of text that arrives in requests.</summary>
public static class Utf16Text
{
    /// <summary>False when the text holds a lone surrogate (half a character, which JSON can carry but no text is).</summary>
    public static bool IsWellFormed(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                i++;
            else if (char.IsSurrogate(value[i]))
                return false;
        }

        return true;
    }
}
