using System.Buffers.Text;
using System.Security.Cryptography;

namespace VfeTps.Stream.Access;

/// <summary>
/// API keys as presented: <c>vfk_{id}_{secret}</c>, the id 12 characters of lower-case base32 (it names
/// the key in lists and the audit trail; it is not secret), the secret 32 random bytes in base64url.
/// </summary>
/// <remarks>
/// Only the SHA-256 of the secret is stored. A fast hash is right here, unlike for passwords: the secret
/// has 256 bits of entropy, so no dictionary or brute force over the hash can find it, and a slow hash
/// would only make every API request slow.
/// </remarks>
internal static class ApiKeyFormat
{
    public const string Prefix = "vfk_";
    public const int IdLength = 12;
    public const int SecretBytes = 32;

    private const int SecretChars = 43;
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string NewId() => RandomNumberGenerator.GetString(IdAlphabet, IdLength);

    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretBytes);

    public static string Format(string id, ReadOnlySpan<byte> secret) => $"{Prefix}{id}_{Base64Url.EncodeToString(secret)}";

    public static byte[] HashSecret(ReadOnlySpan<byte> secret) => SHA256.HashData(secret);

    public static bool IsValidId(string? id) => id is { Length: IdLength } && id.All(IdAlphabet.Contains);

    /// <summary>Splits a presented key; false when it does not have the shape of one.</summary>
    public static bool TryParse(string? value, out string id, out byte[] secret)
    {
        id = string.Empty;
        secret = [];
        // Fixed positions: the secret's base64url alphabet contains '_' too.
        if (value is not { Length: 4 + IdLength + 1 + SecretChars } || !value.StartsWith(Prefix, StringComparison.Ordinal) || value[4 + IdLength] != '_')
            return false;
        var candidate = value.Substring(4, IdLength);
        if (!IsValidId(candidate))
            return false;
        Span<byte> bytes = stackalloc byte[SecretBytes + 2];
        if (!Base64Url.TryDecodeFromChars(value.AsSpan(4 + IdLength + 1), bytes, out var written) || written != SecretBytes)
            return false;
        id = candidate;
        secret = bytes[..SecretBytes].ToArray();
        return true;
    }
}
