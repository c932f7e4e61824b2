namespace VfeTps.Stream.Access;

/// <summary>Body of <c>POST /api/auth/login</c>. The user name is matched case-insensitively.</summary>
public sealed record LoginRequest(string? Username, string? Password)
{
    /// <summary>Leaves the password out.</summary>
    public override string ToString() => $"LoginRequest {{ Username = {Username} }}";
}

/// <summary>Body of <c>POST /api/auth/password</c>: the signed-in user's own password change.</summary>
public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword)
{
    /// <summary>Leaves the passwords out.</summary>
    public override string ToString() => "PasswordChangeRequest";
}
