namespace VfeTps.Stream.Contracts.Access;

/// <summary>
/// What a user or API key may do. A principal holds one or more roles; each role is also the name of
/// the authorization policy that requires it (see <see cref="AccessPolicies"/>).
/// </summary>
public static class SiteRoles
{
    /// <summary>Searches, opens crops and frames, keeps watchlists and receives their alerts.</summary>
    public const string Operator = "operator";

    /// <summary>Adds and removes cameras.</summary>
    public const string Integrator = "integrator";

    /// <summary>Looks after models (the serving model, its metrics, publishing and rollback).</summary>
    public const string Ml = "ml";

    /// <summary>Manages users and API keys, and reads and exports the audit trail.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Operator, Integrator, Ml, Admin];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
