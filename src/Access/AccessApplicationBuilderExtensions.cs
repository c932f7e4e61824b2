namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the site's access middleware.</summary>
public static class AccessApplicationBuilderExtensions
{
    /// <summary>
    /// Authentication, authorization, then the rate limiter (so that a refused or anonymous request never
    /// spends a principal's search tokens). Call it after routing (implicit in a WebApplication) and
    /// before the endpoints; needs <c>AddSiteAccess</c>.
    /// </summary>
    public static IApplicationBuilder UseSiteAccess(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}
