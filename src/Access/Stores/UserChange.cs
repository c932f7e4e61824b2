namespace VfeTps.Stream.Access;

/// <summary>
/// An update of a user: null fields stay as they are (cameras: only when <see cref="CamerasGiven"/>). When
/// the password changes, every session of the user ends but <see cref="KeepSessionTokenHash"/>'s (the
/// caller's own, when they change their own password).
/// </summary>
internal sealed record UserChange(
    IReadOnlyList<string>? Roles = null,
    bool CamerasGiven = false,
    IReadOnlyList<string>? Cameras = null,
    bool? Disabled = null,
    string? PasswordHash = null,
    bool? MustChangePassword = null,
    byte[]? KeepSessionTokenHash = null)
{
    /// <summary>
    /// True when the change gives <paramref name="current"/> anything: a role or a camera it lacks (a camera
    /// list where it saw every camera counts as narrower), re-enabling it, or a password. False for pure
    /// removals (narrower roles or cameras, disabling) and for changes that change nothing.
    /// </summary>
    public bool Grants(StoredUser current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (PasswordHash is not null || (Disabled == false && current.Disabled))
            return true;
        if (Roles is not null && Roles.Except(current.Roles, StringComparer.Ordinal).Any())
            return true;
        return CamerasGiven && current.Cameras is not null && (Cameras is null || Cameras.Except(current.Cameras, StringComparer.Ordinal).Any());
    }

    public override string ToString() =>
        $"UserChange {{ Roles = {Roles?.Count}, CamerasGiven = {CamerasGiven}, Disabled = {Disabled}, Password = {(PasswordHash is null ? "same" : "new")} }}";
}

/// <summary>How a guarded change of a user ended.</summary>
internal enum UserChangeOutcome
{
    Done,
    NotFound,

    /// <summary>Refused: it would leave no enabled administrator.</summary>
    LastAdmin,

    /// <summary>Refused: it was to be a pure removal (its record could not be written), but against the user as stored now it grants something.</summary>
    WouldGrant,
}
