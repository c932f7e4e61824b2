using System.Security.Cryptography;
using System.Text;

namespace VfeTps.Stream.Access;

/// <summary>
/// What the audit trail keeps of a login for a user name that does not exist: not the name (someone
/// who typed their password into the name field would have it kept in an append-only trail), but the
/// target <see cref="Target"/> and a short keyed hash of the lower-cased name (HMAC-SHA256 with a random
/// per-site key kept in the access tables, first 16 hex characters), so that repeated attempts on one
/// name can still be told apart and correlated. Without the key, which never leaves the database, the
/// hash cannot be checked against guessed names.
/// </summary>
internal sealed class UnknownUserNames(AccessDatabase database)
{
    /// <summary>The audit target of a login for an unknown user name.</summary>
    public const string Target = "(unknown user)";

    /// <summary>The detail holding the attempted name's hash.</summary>
    public const string HashDetail = "nameHash";

    private const string KeyPurpose = "audit-unknown-user-names";

    // PublicationOnly: a database error is not cached for good; the stored key wins any race.
    private readonly Lazy<byte[]> _key = new(() => database.SiteKey(KeyPurpose), LazyThreadSafetyMode.PublicationOnly);

    /// <summary>16 hex characters identifying the (lower-cased) name on this site.</summary>
    public string HashOf(string attemptedName)
    {
        ArgumentNullException.ThrowIfNull(attemptedName);
        var mac = HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(attemptedName.ToLowerInvariant()));
        return Convert.ToHexStringLower(mac.AsSpan(0, 8));
    }

    /// <summary>The target and details of a login record: the name itself when it is a user's, else <see cref="Target"/> and the hash.</summary>
    public (string Target, IEnumerable<(string Name, string? Value)> Detail) Describe(string attemptedName, bool userExists) =>
        userExists ? (attemptedName, []) : (Target, [(HashDetail, HashOf(attemptedName))]);
}
