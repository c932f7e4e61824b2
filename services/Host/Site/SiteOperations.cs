using Microsoft.AspNetCore.Authorization;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Host.Site;

/// <summary>
/// Who may read what concerns every camera (dead letters, per-camera metrics): integrators, ml and
/// admins who are not restricted to some cameras.
/// </summary>
internal static class SiteOperations
{
    public static void Policy(AuthorizationPolicyBuilder policy) =>
        policy.RequireRole(SiteRoles.Integrator, SiteRoles.Ml, SiteRoles.Admin).RequireClaim(SiteClaimTypes.AllCameras, "true");
}
