namespace VfeTps.Stream.Contracts.Access;

/// <summary>
/// Names of the authorization and rate-limit policies the access library registers and the
/// services' endpoints require. Every route needs an authenticated principal (the fallback policy);
/// a role policy further requires that role.
/// </summary>
public static class AccessPolicies
{
    public const string Operator = SiteRoles.Operator;

    public const string Integrator = SiteRoles.Integrator;

    public const string Ml = SiteRoles.Ml;

    public const string Admin = SiteRoles.Admin;

    /// <summary>Any authenticated principal, whatever its roles (its own profile, the UI's shell, camera health).</summary>
    public const string Authenticated = "authenticated";

    /// <summary>The rate limit on searches, partitioned per API key or per user.</summary>
    public const string SearchRateLimit = "search";
}
