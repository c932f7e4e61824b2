using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Access;

/// <summary>A user as stored (the password hash included; never serialized as is).</summary>
internal sealed record StoredUser(
    string Name,
    string PasswordHash,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string>? Cameras,
    bool Disabled,
    bool MustChangePassword,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastLoginAt)
{
    public bool IsEnabledAdmin => !Disabled && Roles.Contains(SiteRoles.Admin, StringComparer.Ordinal);

    /// <summary>Leaves the hash out, so that a user logged or shown in a debugger does not carry it.</summary>
    public override string ToString() => $"User {Name} ({string.Join(',', Roles)}{(Disabled ? ", disabled" : string.Empty)})";
}
