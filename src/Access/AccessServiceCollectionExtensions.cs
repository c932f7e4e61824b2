using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Access;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.WebApi;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the site's access control.</summary>
public static class AccessServiceCollectionExtensions
{
    /// <summary>
    /// Adds users, sessions and API keys (tables in the host's <c>SiteDatabase</c>), the one authentication
    /// scheme (API key or session cookie; 401/403 as ProblemDetails, never a redirect), authorization with a
    /// fallback policy requiring an authenticated principal and one policy per role (<see cref="AccessPolicies"/>),
    /// the search rate limit (<see cref="AccessPolicies.SearchRateLimit"/>), the login throttle, the
    /// <c>access.denied</c> audit of every 403, and the first administrator's creation at start.
    /// <see cref="AccessOptions"/> come from section <c>Access</c> of <paramref name="configuration"/>, validated at start.
    /// The host registers <c>SiteDatabase</c> and <c>IAuditTrail</c>; <see cref="TimeProvider"/> defaults to the system clock.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration root.</param>
    public static IServiceCollection AddSiteAccess(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<AccessOptions>()
            .Bind(configuration.GetSection(AccessOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AccessOptions>, AccessOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<AccessMetrics>();
        services.AddProblemDetails();

        services.TryAddSingleton<AccessDatabase>();
        services.TryAddSingleton<UserStore>();
        services.TryAddSingleton<SessionStore>();
        services.TryAddSingleton<ApiKeyStore>();
        services.TryAddSingleton<PasswordHasher>();
        services.TryAddSingleton<PasswordVerifier>();
        services.TryAddSingleton<LoginThrottle>();
        services.TryAddSingleton<RequestAudit>();
        services.TryAddSingleton<AccessAudit>();
        services.TryAddSingleton<UnknownUserNames>();
        services.TryAddSingleton<AccessApiContext>();
        services.TryAddSingleton<IBootstrapCredentialWriter, ConsoleBootstrapCredentialWriter>();
        services.AddHostedService<AdminBootstrap>();

        services.AddAuthentication(AuthenticationMethods.Scheme)
            .AddScheme<AuthenticationSchemeOptions, SiteAuthenticationHandler>(AuthenticationMethods.Scheme, "VfeTps session or API key", null);
        services.AddAuthorization(AddPolicies);
        // After AddAuthorization, which registers the default handler: every 403 is audited.
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationMiddlewareResultHandler, AccessDeniedAuditor>());
        services.AddRateLimiter(SearchRateLimit.Configure);
        return services;
    }

    private static void AddPolicies(AuthorizationOptions options)
    {
        // Every endpoint needs a signed-in principal unless it says AllowAnonymous.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(AccessPolicies.Authenticated, policy => policy.RequireAuthenticatedUser());
        foreach (var role in SiteRoles.All)
            options.AddPolicy(role, policy => policy.RequireAuthenticatedUser().RequireRole(role));
    }
}
