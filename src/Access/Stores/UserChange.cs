namespace VfeTps.Stream.Access;

/// <summary>An update of a user: null fields stay as they are (cameras: only when <see cref="CamerasGiven"/>).</summary>
internal sealed record UserChange(
    IReadOnlyList<string>? Roles = null,
    bool CamerasGiven = false,
    IReadOnlyList<string>? Cameras = null,
    bool? Disabled = null,
    string? PasswordHash = null,
    bool? MustChangePassword = null)
{
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
}
