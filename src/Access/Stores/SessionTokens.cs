using System.Buffers.Text;
using System.Security.Cryptography;

namespace VfeTps.Stream.Access;

/// <summary>
/// Session tokens: 32 random bytes, base64url in the cookie. Only their SHA-256 is stored, so a copy of
/// the database does not hold usable sessions (a fast hash suffices for a 256-bit random value).
/// </summary>
internal static class SessionTokens
{
    private const int TokenBytes = 32;

    public static (string Token, byte[] Hash) New()
    {
        var bytes = RandomNumberGenerator.GetBytes(TokenBytes);
        return (Base64Url.EncodeToString(bytes), SHA256.HashData(bytes));
    }

    /// <summary>The stored hash of a presented token; false when it is not a token of ours.</summary>
    public static bool TryHash(string? token, out byte[] hash)
    {
        hash = [];
        // 32 bytes are 43 base64url characters; anything else is not ours and is never decoded.
        if (token is not { Length: 43 })
            return false;
        Span<byte> bytes = stackalloc byte[TokenBytes + 2];
        if (!Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != TokenBytes)
            return false;
        hash = SHA256.HashData(bytes[..TokenBytes]);
        return true;
    }
}
