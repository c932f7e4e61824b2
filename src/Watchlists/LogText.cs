namespace VfeTps.Stream.Watchlists;

/// <summary>Values from outside (crop ids, model versions of a malformed notification) made fit for a log line.</summary>
internal static class LogText
{
    private const int MaxLength = 80;

    /// <summary>Cut to 80 characters, anything but printable ASCII shown as '?', so that a hostile value cannot forge or flood log lines.</summary>
    public static string Safe(string? text)
    {
        if (text is null)
            return "(none)";
        var shown = text.Length <= MaxLength ? text : text[..MaxLength];
        var safe = string.Create(shown.Length, shown, static (span, value) =>
        {
            for (var i = 0; i < value.Length; i++)
                span[i] = value[i] is >= ' ' and <= '~' ? value[i] : '?';
        });
        return text.Length <= MaxLength ? safe : safe + "…";
    }
}
