using System.Globalization;
using System.Text;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Watchlists;

/// <summary>A create request after validation: trimmed name and text, the threshold to use, distinct sorted cameras (null = all).</summary>
internal sealed record ValidWatchlistRequest(string Name, string Text, double Threshold, IReadOnlyList<string>? Cameras);

/// <summary>
/// Checks a <see cref="CreateWatchlistRequest"/> field by field. Names are labels shown in the control
/// room and in alerts, so they are held to letters, digits, spaces and a little punctuation; texts may
/// be any description but no control or bidirectional-override characters (they can hide what an
/// alert really says) and no broken UTF-16.
/// </summary>
internal static class WatchlistRequestValidator
{
    private const string NamePunctuation = " -_.,'()&/#+:";

    /// <param name="request">The request as read.</param>
    /// <param name="options">The limits.</param>
    /// <param name="maxTextCharacters">The lower of <see cref="WatchlistOptions.MaxTextLength"/> and the text tower's own limit.</param>
    /// <param name="errors">Where the problems go, by field.</param>
    public static ValidWatchlistRequest? Validate(CreateWatchlistRequest request, WatchlistOptions options, int maxTextCharacters, ValidationErrors errors)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
            errors.Add("name", "A name is required.");
        else if (CodePoints(name) > options.MaxNameLength)
            errors.Add("name", $"A name has at most {options.MaxNameLength} characters.");
        else if (!IsWellFormed(name) || name.EnumerateRunes().Any(static r => !IsNameRune(r)))
            errors.Add("name", $"A name may hold letters, digits, spaces and these marks only: {NamePunctuation.Trim()}");

        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text))
            errors.Add("text", "A description is required.");
        else if (CodePoints(text) > maxTextCharacters)
            errors.Add("text", $"A description has at most {maxTextCharacters} characters.");
        else if (!IsWellFormed(text) || text.EnumerateRunes().Any(static r => IsHidden(r)))
            errors.Add("text", "A description may not hold control characters, bidirectional overrides or broken characters.");

        var threshold = request.Threshold ?? options.DefaultThreshold;
        if (!double.IsFinite(threshold) || threshold < WatchlistOptions.MinThreshold || threshold > WatchlistOptions.MaxThreshold)
        {
            errors.Add("threshold", string.Create(CultureInfo.InvariantCulture,
                $"The threshold must be a number between {WatchlistOptions.MinThreshold} and {WatchlistOptions.MaxThreshold} (standard deviations above the description's mean score)."));
        }

        IReadOnlyList<string>? cameras = null;
        if (request.Cameras is { } requested)
        {
            if (requested.Count == 0)
                errors.Add("cameras", "Name at least one camera, or leave the field out to watch every camera.");
            else if (requested.Count > options.MaxCamerasPerWatchlist)
                errors.Add("cameras", $"A watchlist names at most {options.MaxCamerasPerWatchlist} cameras.");
            else if (requested.Any(static c => !CameraIds.IsValid(c)))
                errors.Add("cameras", $"{ValidationErrors.Quote(requested.First(static c => !CameraIds.IsValid(c)))} is not a camera id (1-{CameraIds.MaxLength} lower-case letters, digits and '-').");
            else
                cameras = [.. requested.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }

        return errors.Any ? null : new ValidWatchlistRequest(name!, text!, threshold, cameras);
    }

    private static int CodePoints(string text) => text.EnumerateRunes().Count();

    private static bool IsNameRune(Rune rune) =>
        Rune.IsLetter(rune) || Rune.IsDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
        || (rune.IsAscii && NamePunctuation.Contains((char)rune.Value, StringComparison.Ordinal));

    /// <summary>Control characters, line and paragraph separators, and bidirectional embeddings, overrides and isolates.</summary>
    private static bool IsHidden(Rune rune) =>
        Rune.IsControl(rune)
        || rune.Value is 0x2028 or 0x2029 or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) or 0x200E or 0x200F or 0x061C;

    /// <summary>False when the text holds a lone surrogate (or a decoder's replacement of one).</summary>
    private static bool IsWellFormed(string text) => Utf16Text.IsWellFormed(text) && !text.Contains('\uFFFD', StringComparison.Ordinal);
}
