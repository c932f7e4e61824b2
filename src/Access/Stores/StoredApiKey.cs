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

/// <summary>How revoking a key ended.</summary>
internal enum KeyRevocation
{
    Revoked,
    AlreadyRevoked,
    NotFound,
}
