namespace VfeTps.Stream.Access;

/// <summary>Values of <see cref="Contracts.Access.SiteClaimTypes.AuthenticationMethod"/>, and the authentication scheme's name.</summary>
internal static class AuthenticationMethods
{
    /// <summary>The one authentication scheme (default for authenticate, challenge and forbid).</summary>
    public const string Scheme = "vfetps";

    public const string Session = "session";
    public const string ApiKey = "api-key";
}
