using System.Text;
using System.Text.RegularExpressions;

namespace VfeTps.Stream.Contracts;

/// <summary>
/// Removes credentials from camera sources and from any text that may echo them (log lines,
/// exception messages, ffmpeg's stderr). Masked: the user-info part of a URL
/// (<c>rtsp://***:***@host/path</c>) and the values of query parameters whose names say they hold
/// a secret (password, token, key, secret, auth, signature, …). Every log line, error message and
/// audit record that could hold a source goes through here. A password with an unencoded '/', '?',
/// '#' or '@' is masked too: the user-info is taken to run to the last '@' before a host-shaped name,
/// even where that hides more than the credentials.
/// </summary>
public static partial class StreamSourceMask
{
    /// <summary>What a masked secret is replaced with.</summary>
    public const string Hidden = "***";

    // Secrets shorter than this are masked inside URLs only: scrubbing every "ab" from a text would
    // make messages unreadable, and a URL is where a secret appears in practice.
    private const int MinimumScrubbedLength = 3;

    private static readonly string[] SecretNameParts =
        ["pass", "pwd", "token", "key", "secret", "auth", "signature", "sig", "credential", "session", "jwt", "bearer"];

    /// <summary>The source with credentials masked; a file path comes back unchanged.</summary>
    public static string Mask(string? source)
    {
        if (string.IsNullOrEmpty(source))
        {
            return string.Empty;
        }

        var schemeEnd = source.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0 || !IsScheme(source.AsSpan(0, schemeEnd)))
        {
            return source;
        }

        var authorityStart = schemeEnd + 3;
        var (userInfoEnd, authorityEnd) = UserInfoAndAuthorityEnds(source, authorityStart);
        var builder = new StringBuilder(source.Length);
        builder.Append(source, 0, authorityStart);
        if (userInfoEnd >= 0)
        {
            builder.Append(source.AsSpan(authorityStart, userInfoEnd - authorityStart).Contains(':') ? $"{Hidden}:{Hidden}" : Hidden);
            builder.Append(source, userInfoEnd, authorityEnd - userInfoEnd);
        }
        else
        {
            builder.Append(source, authorityStart, authorityEnd - authorityStart);
        }

        var rest = source[authorityEnd..];
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            builder.Append(rest);
            return builder.ToString();
        }

        builder.Append(rest, 0, query + 1);
        var fragment = rest.IndexOf('#', query);
        var queryText = fragment < 0 ? rest[(query + 1)..] : rest[(query + 1)..fragment];
        builder.Append(MaskQuery(queryText));
        if (fragment >= 0)
        {
            builder.Append(rest, fragment, rest.Length - fragment);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Free text with every URL in it masked and, when the source is given, every secret of that
    /// source (user, password, secret query values; raw and percent-decoded) replaced too, wherever
    /// it appears (ffmpeg echoes URLs in its own ways).
    /// </summary>
    public static string MaskText(string? text, string? source = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var masked = UrlPattern().Replace(text, match => Mask(match.Value));
        foreach (var secret in SecretsOf(source))
        {
            masked = masked.Replace(secret, Hidden, StringComparison.Ordinal);
        }

        return masked;
    }

    /// <summary>True when the source carries credentials that <see cref="Mask"/> hides.</summary>
    public static bool HasCredentials(string? source) => !string.Equals(Mask(source), source, StringComparison.Ordinal);

    /// <summary>
    /// True when an '@' follows a '/', '?' or '#' after "://": the user-info then cannot be told
    /// from the path with certainty (see <see cref="Mask"/>), so such a URL is not accepted as a source.
    /// </summary>
    public static bool HasAmbiguousUserInfo(string? source)
    {
        if (string.IsNullOrEmpty(source))
        {
            return false;
        }

        var schemeEnd = source.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return false;
        }

        var standardEnd = source.IndexOfAny(['/', '?', '#'], schemeEnd + 3);
        return standardEnd >= 0 && source.IndexOf('@', standardEnd) >= 0;
    }

    /// <summary>True for a query parameter name that says it holds a secret (password, token, api_key, X-Auth, …).</summary>
    public static bool IsSecretName(string name) =>
        SecretNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));

    private static string MaskQuery(string query)
    {
        var builder = new StringBuilder(query.Length);
        var start = 0;
        while (start <= query.Length)
        {
            var end = query.IndexOfAny(['&', ';'], start);
            if (end < 0)
            {
                end = query.Length;
            }

            var pair = query[start..end];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && IsSecretName(Uri.UnescapeDataString(pair[..equals])))
            {
                builder.Append(pair, 0, equals + 1).Append(Hidden);
            }
            else
            {
                builder.Append(pair);
            }

            if (end < query.Length)
            {
                builder.Append(query[end]);
            }

            start = end + 1;
        }

        return builder.ToString();
    }

    private static IEnumerable<string> SecretsOf(string? source)
    {
        if (string.IsNullOrEmpty(source) || !HasCredentials(source))
        {
            return [];
        }

        var secrets = new HashSet<string>(StringComparer.Ordinal);
        var authorityStart = source.IndexOf("://", StringComparison.Ordinal) + 3;
        var (userInfoEnd, authorityEnd) = UserInfoAndAuthorityEnds(source, authorityStart);
        if (userInfoEnd >= 0)
        {
            var userInfo = source[authorityStart..userInfoEnd];
            foreach (var part in userInfo.Split(':', 2))
            {
                AddSecret(secrets, part);
            }

            // A password with an unencoded '/', '?' or '#' may be echoed in pieces by a parser that cut it there.
            foreach (var piece in userInfo.Split([':', '/', '?', '#', '@']))
            {
                AddSecret(secrets, piece);
            }
        }

        var query = source.IndexOf('?', authorityEnd);
        if (query >= 0)
        {
            var fragment = source.IndexOf('#', query);
            var queryText = fragment < 0 ? source[(query + 1)..] : source[(query + 1)..fragment];
            foreach (var pair in queryText.Split('&', ';'))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0 && IsSecretName(Uri.UnescapeDataString(pair[..equals])))
                {
                    AddSecret(secrets, pair[(equals + 1)..]);
                }
            }
        }

        // Longest first, so that a secret containing another is replaced whole.
        return secrets.OrderByDescending(secret => secret.Length);
    }

    private static void AddSecret(HashSet<string> secrets, string raw)
    {
        foreach (var candidate in new[] { raw, SafeUnescape(raw) })
        {
            if (candidate.Length >= MinimumScrubbedLength && candidate != Hidden)
            {
                secrets.Add(candidate);
            }
        }
    }

    private static string SafeUnescape(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return value;
        }
    }

    /// <summary>
    /// Where the user-info ends (the index of its '@', or -1 when there is none) and where the
    /// authority ends. A standard parser ends the authority at the first '/', '?' or '#', but a
    /// password holding one of them unencoded (<c>rtsp://admin:12/34@host/s</c>) would then be read
    /// as host and path and shown in clear. So the user-info runs to the last '@' that is followed by
    /// something shaped like a host (and port) before the path: hiding too much is the safe error.
    /// </summary>
    private static (int UserInfoEnd, int AuthorityEnd) UserInfoAndAuthorityEnds(string source, int authorityStart)
    {
        for (var at = source.LastIndexOf('@'); at >= authorityStart; at = at == 0 ? -1 : source.LastIndexOf('@', at - 1))
        {
            var hostEnd = source.IndexOfAny(['/', '?', '#'], at + 1);
            hostEnd = hostEnd < 0 ? source.Length : hostEnd;
            if (IsHostAndPort(source.AsSpan(at + 1, hostEnd - at - 1)))
            {
                return (at, hostEnd);
            }
        }

        // No '@' before a host-shaped name: the standard reading (an '@' after the authority belongs
        // to the path or query: user=bob@example&password=…).
        var authorityEnd = source.IndexOfAny(['/', '?', '#'], authorityStart);
        authorityEnd = authorityEnd < 0 ? source.Length : authorityEnd;
        var userInfoEnd = source.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        return (userInfoEnd, authorityEnd);
    }

    private static bool IsHostAndPort(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or '_' or '~' or '%' or ':' or '[' or ']'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (!char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    // A URL in text runs to the next space or quote; trailing punctuation ("…/live: Connection refused") is not part of it.
    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9+.\-]*://[^\s'""<>]*[^\s'""<>.,:;!?)\]]", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
