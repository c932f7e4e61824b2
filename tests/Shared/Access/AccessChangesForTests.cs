using System.Collections.Concurrent;

namespace VfeTps.Stream.Testing;

/// <summary>
/// Test double of the site's user, session and key tables as <see cref="HeaderPrincipalForTests"/> reads
/// them: changes made here (a user signed out or revoked, roles or cameras changed) apply to every
/// authentication from then on, including the re-authentication of a stream that is already open,
/// the way the real handler reads the current session, user and key from the database.
/// </summary>
internal sealed class AccessChangesForTests
{
    private readonly ConcurrentDictionary<string, bool> _revoked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _roles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>?> _cameras = new(StringComparer.Ordinal);
    private long _authentications;

    /// <summary>Authentications made so far (each request, and each re-authentication of a stream).</summary>
    public long Authentications => Interlocked.Read(ref _authentications);

    /// <summary>The user's session, account or key is gone: they authenticate no more.</summary>
    public void Revoke(string user) => _revoked[user] = true;

    /// <summary>The user's roles are now these (comma-separated), whatever the request says.</summary>
    public void SetRoles(string user, string roles) => _roles[user] = roles;

    /// <summary>The user may now see these cameras (null = every camera), whatever the request says.</summary>
    public void SetCameras(string user, IReadOnlyList<string>? cameras) => _cameras[user] = cameras;

    internal bool IsRevoked(string user)
    {
        Interlocked.Increment(ref _authentications);
        return _revoked.ContainsKey(user);
    }

    internal string? RolesOf(string user) => _roles.TryGetValue(user, out var roles) ? roles : null;

    /// <summary>True with the changed cameras (null = every camera) when they were changed.</summary>
    internal bool TryGetCameras(string user, out IReadOnlyList<string>? cameras) => _cameras.TryGetValue(user, out cameras);
}
