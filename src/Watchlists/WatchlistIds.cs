using System.Security.Cryptography;

namespace VfeTps.Stream.Watchlists;

/// <summary>Watchlist ids: <c>wl-</c> and 16 lower-case hex digits, random (known before the row is written, so the audit record can name it).</summary>
internal static class WatchlistIds
{
    private const string Prefix = "wl-";

    public static string Create() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static bool IsValid(string? id) =>
        id is { Length: 19 } && id.StartsWith(Prefix, StringComparison.Ordinal) && !id.AsSpan(Prefix.Length).ContainsAnyExcept("0123456789abcdef");
}
