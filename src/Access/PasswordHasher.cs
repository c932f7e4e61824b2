using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Access;

/// <summary>
/// Hashes passwords with PBKDF2-HMAC-SHA512 and a 16-byte random salt, stored self-describing as
/// <c>pbkdf2-sha512${iterations}${salt}${hash}</c> (base64url) so that the iteration count can be raised
/// later without invalidating stored passwords. Verification compares in fixed time.
/// </summary>
internal sealed class PasswordHasher
{
    private const string Algorithm = "pbkdf2-sha512";
    private const int SaltBytes = 16;
    private const int HashBytes = 64;

    private readonly int _iterations;
    private readonly Lazy<string> _dummy;

    public PasswordHasher(IOptions<AccessOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _iterations = options.Value.PasswordIterations;
        // Checked against when the user name is unknown, so that the answer takes as long as a real check.
        _dummy = new Lazy<string>(() => Hash("no user has this password: " + Guid.NewGuid()));
    }

    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        Span<byte> salt = stackalloc byte[SaltBytes];
        RandomNumberGenerator.Fill(salt);
        var hash = Derive(password, salt, _iterations, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Algorithm}${_iterations}${Base64Url.EncodeToString(salt)}${Base64Url.EncodeToString(hash)}");
    }

    /// <summary>True when <paramref name="password"/> matches <paramref name="stored"/>; false for a malformed stored hash.</summary>
    public bool Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryParse(stored, out var iterations, out var salt, out var expected))
            return false;
        var actual = Derive(password, salt, iterations, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Spends the time of one verification for a user name that does not exist; always false.</summary>
    public bool VerifyAgainstDummy(string password)
    {
        _ = Verify(password, _dummy.Value);
        return false;
    }

    /// <summary>True when the stored hash was made with fewer iterations than now configured (re-hash it at the next login).</summary>
    public bool NeedsRehash(string stored) => !TryParse(stored, out var iterations, out _, out _) || iterations < _iterations;

    private static byte[] Derive(string password, ReadOnlySpan<byte> salt, int iterations, int length) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, length);

    private static bool TryParse(string stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Algorithm
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations is < 1 or > AccessOptions.MaximumPasswordIterations)
        {
            return false;
        }

        try
        {
            salt = Base64Url.DecodeFromChars(parts[2]);
            hash = Base64Url.DecodeFromChars(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length >= SaltBytes && hash.Length >= 32;
    }
}
