namespace VfeTps.Stream.Access;

/// <summary>A user as the admin API shows it (never with the password or its hash).</summary>
/// <param name="Name">The user name.</param>
/// <param name="Roles">Its roles.</param>
/// <param name="Cameras">The cameras it may see; null for every camera.</param>
/// <param name="Disabled">True when it may not sign in (its sessions and keys stop working).</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="LastLoginAt">Its last successful login, if any.</param>
public sealed record UserView(
    string Name, IReadOnlyList<string> Roles, IReadOnlyList<string>? Cameras, bool Disabled, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt)
{
    internal static UserView Of(StoredUser user) =>
        new(user.Name, user.Roles, user.Cameras, user.Disabled, user.CreatedAt, user.LastLoginAt);
}

/// <summary>Body of <c>POST /api/users</c>.</summary>
/// <param name="Name">The user name: 1–64 lower-case letters, digits, '.', '_' and '-', starting with a letter or digit.</param>
/// <param name="Password">The initial password, 12–256 characters; the user is asked to change it.</param>
/// <param name="Roles">One or more of operator, integrator, ml, admin.</param>
/// <param name="Cameras">The cameras the user may see; null or absent for every camera.</param>
public sealed record CreateUserRequest(string? Name, string? Password, IReadOnlyList<string?>? Roles, IReadOnlyList<string?>? Cameras)
{
    /// <summary>Leaves the password out.</summary>
    public override string ToString() => $"CreateUserRequest {{ Name = {Name} }}";
}

/// <summary>
/// Body of <c>PUT /api/users/{name}</c>: only the fields given change. <c>"cameras": null</c> means every
/// camera, which is why an absent <c>cameras</c> is told apart from a null one.
/// </summary>
public sealed class UpdateUserRequest
{
    private readonly IReadOnlyList<string?>? _cameras;

    /// <summary>The new roles (one or more).</summary>
    public IReadOnlyList<string?>? Roles { get; init; }

    /// <summary>The new camera restriction; null for every camera.</summary>
    public IReadOnlyList<string?>? Cameras
    {
        get => _cameras;
        init
        {
            _cameras = value;
            CamerasGiven = true;
        }
    }

    /// <summary>A new password (ends the user's sessions; the user is asked to change it).</summary>
    public string? Password { get; init; }

    /// <summary>True to disable the user (ends their sessions, stops their keys), false to enable.</summary>
    public bool? Disabled { get; init; }

    /// <summary>Whether the body had a <c>cameras</c> field at all.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool CamerasGiven { get; private init; }

    internal bool ChangesNothing => Roles is null && !CamerasGiven && Password is null && Disabled is null;

    /// <summary>Leaves the password out.</summary>
    public override string ToString() => $"UpdateUserRequest {{ Roles = {Roles?.Count}, CamerasGiven = {CamerasGiven}, Disabled = {Disabled} }}";
}
