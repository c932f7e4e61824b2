using System.Text;
using System.Text.RegularExpressions;

namespace VfeTps.Stream.FrameIngest;

/// <summary>
/// Removes credentials from camera sources and from any text that may echo them (log lines,
/// exception messages, ffmpeg's stderr). Masked: the user-info part of a URL
/// (<c>rtsp://***:***@host/path</c>) and the values of query parameters whose names say they hold
/// a secret (password, token, key, secret, auth, signature, …). Every log line and error message of
/// FrameIngest that could hold a source goes through here.
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
        var authorityEnd = source.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = source.Length;
        }

        var builder = new StringBuilder(source.Length);
        builder.Append(source, 0, authorityStart);
        var authority = source[authorityStart..authorityEnd];
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            builder.Append(authority.Contains(':', StringComparison.Ordinal) && authority.IndexOf(':', StringComparison.Ordinal) < at
                ? $"{Hidden}:{Hidden}" : Hidden);
            builder.Append(authority, at, authority.Length - at);
        }
        else
        {
            builder.Append(authority);
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
        var schemeEnd = source.IndexOf("://", StringComparison.Ordinal);
        var authorityStart = schemeEnd + 3;
        var authorityEnd = source.IndexOfAny(['/', '?', '#'], authorityStart);
        var authority = authorityEnd < 0 ? source[authorityStart..] : source[authorityStart..authorityEnd];
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            foreach (var part in authority[..at].Split(':', 2))
            {
                AddSecret(secrets, part);
            }
        }

        var query = source.IndexOf('?', StringComparison.Ordinal);
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
