namespace VfeTps.Stream.Contracts.Access;

/// <summary>Claim types of an authenticated principal, besides the standard name, name-identifier and role claims.</summary>
public static class SiteClaimTypes
{
    /// <summary>A camera the principal may see; absent when <see cref="AllCameras"/> is present.</summary>
    public const string Camera = "vfetps:camera";

    /// <summary>Present (value "true") when the principal may see every camera, including cameras added later.</summary>
    public const string AllCameras = "vfetps:all-cameras";

    /// <summary>How the principal signed in: <c>session</c> (browser) or <c>api-key</c>.</summary>
    public const string AuthenticationMethod = "vfetps:auth-method";

    /// <summary>The user an API key belongs to (its creator), for the audit trail.</summary>
    public const string Owner = "vfetps:owner";
}
