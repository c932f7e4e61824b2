namespace VfeTps.Stream.Access;

/// <summary>
/// An API key as the admin API shows it (never with its secret). <see cref="Roles"/> and <see cref="Cameras"/>
/// are what the key was given; in use it holds only those its owner holds too, at the time of each request
/// (the roles both have, the cameras both may see), so a demoted or restricted owner's key is narrowed at once.
/// </summary>
/// <param name="Id">The key's id (the part after <c>vfk_</c>; not secret).</param>
/// <param name="Name">What or who uses it.</param>
/// <param name="Owner">The user who created it; the key stops working when they are disabled or deleted, and never holds more than they do.</param>
/// <param name="Roles">The roles it was given (in use: only those its owner holds too).</param>
/// <param name="Cameras">The cameras it was given, null for every camera (in use: only those its owner may see too).</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="LastUsedAt">When it was last used (to the minute), if ever.</param>
/// <param name="RevokedAt">When it was revoked; null while it works.</param>
public sealed record KeyView(
    string Id,
    string Name,
    string Owner,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string>? Cameras,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    internal static KeyView Of(StoredApiKey key) =>
        new(key.Id, key.Name, key.Owner, key.Roles, key.Cameras, key.CreatedAt, key.LastUsedAt, key.RevokedAt);
}

/// <summary>Body of <c>POST /api/keys</c>.</summary>
/// <param name="Name">What or who uses the key, 1–100 characters.</param>
/// <param name="Roles">One or more of operator, integrator, ml, admin; only roles the creator holds.</param>
/// <param name="Cameras">
/// The cameras the key may see, within the creator's; null or absent for every camera (only for a creator who
/// sees every camera). A key with the admin role sees every camera, so it takes no list.
/// </param>
public sealed record CreateKeyRequest(string? Name, IReadOnlyList<string?>? Roles, IReadOnlyList<string?>? Cameras);

/// <summary>Answer of <c>POST /api/keys</c>: the key and its full secret, shown this once (only its hash is kept).</summary>
/// <param name="Key">The new key.</param>
/// <param name="Secret">The value to send: <c>vfk_{id}_{secret}</c>.</param>
public sealed record CreatedKey(KeyView Key, string Secret)
{
    /// <summary>Leaves the secret out.</summary>
    public override string ToString() => $"CreatedKey {{ Key = {Key.Id} }}";
}
