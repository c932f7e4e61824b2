using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Audit;
using VfeTps.Stream.Contracts.Audit;
using VfeTps.Stream.WebApi;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the audit trail.</summary>
public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="AuditOptions"/> (section <c>Audit</c> of <paramref name="configuration"/>, validated at
    /// start-up), <see cref="AuditMetrics"/> (meter <c>VfeTps.Stream.Audit</c>), ProblemDetails, and
    /// <see cref="SqliteAuditTrail"/> as a singleton, also as <see cref="IAuditTrail"/>. The trail uses the
    /// host's <c>SiteDatabase</c> singleton (which the host registers) and <see cref="TimeProvider"/>
    /// (the system clock unless the host registered one); it creates its tables when first resolved.
    /// </summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<AuditOptions>()
            .Bind(configuration.GetSection(AuditOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>());
        services.AddMetrics();
        services.AddProblemDetails();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditMetrics>();
        services.TryAddSingleton<SqliteAuditTrail>();
        services.TryAddSingleton<IAuditTrail>(provider => provider.GetRequiredService<SqliteAuditTrail>());
        services.TryAddSingleton<RequestAudit>();
        return services;
    }
}
