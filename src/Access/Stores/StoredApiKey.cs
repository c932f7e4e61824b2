namespace VfeTps.Stream.Access;

/// <summary>An API key as stored, without its secret's hash (which never leaves <see cref="ApiKeyStore"/>).</summary>
internal sealed record StoredApiKey(
    string Id,
    string Name,
    string Owner,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string>? Cameras,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt);

/// <summary>A key that authenticated, with what its owner holds now (the key never holds more; see <see cref="SitePrincipalFactory.ForKey"/>).</summary>
/// <param name="Key">The key.</param>
/// <param name="OwnerRoles">The owner's current roles.</param>
/// <param name="OwnerCameras">The owner's current cameras; null for every camera.</param>
internal sealed record AuthenticatedKey(StoredApiKey Key, IReadOnlyList<string> OwnerRoles, IReadOnlyList<string>? OwnerCameras);

/// <summary>How revoking a key ended.</summary>
internal enum KeyRevocation
{
    Revoked,
    AlreadyRevoked,
    NotFound,
}
