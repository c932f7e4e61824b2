using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Watchlists;
using VfeTps.Stream.WebApi;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the watchlists.</summary>
public static class WatchlistServiceCollectionExtensions
{
    /// <summary>
    /// Adds the watchlists: <see cref="WatchlistOptions"/> (section <c>Watchlists</c> of
    /// <paramref name="configuration"/>, validated at start-up), their tables in the site database,
    /// the <see cref="WatchlistCropFeed"/> (make the Embedder's <c>CropEmbedded</c> notifications go to
    /// it), the matcher (a hosted service), the alert broadcaster and the <see cref="WatchlistMetrics"/>
    /// (meter <c>VfeTps.Stream.Watchlists</c>). The host registers the rest: <c>ServingModel</c>,
    /// <c>IVectorIndex</c> (the serving model's collection; resolved in a scope at start to seed the
    /// calibration window), <c>SiteDatabase</c>, <c>IAuditTrail</c>, and the access library's
    /// authentication and policies. A <see cref="TimeProvider"/> is added (the system clock) unless
    /// the host registered one.
    /// </summary>
    public static IServiceCollection AddWatchlists(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<WatchlistOptions>()
            .Bind(configuration.GetSection(WatchlistOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WatchlistOptions>, WatchlistOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WatchlistMetrics>();
        services.TryAddSingleton<WatchlistCropFeed>();
        services.TryAddSingleton<WatchlistStore>();
        services.TryAddSingleton(provider => new WatchlistRetention(provider.GetRequiredService<WatchlistStore>()));
        services.TryAddSingleton(static provider =>
        {
            var options = provider.GetRequiredService<IOptions<WatchlistOptions>>().Value;
            return new WatchlistMatcher(options.CalibrationWindow, options.MinCalibrationCrops, options.MinStandardDeviation);
        });
        services.TryAddSingleton<AlertBroadcaster>();
        services.TryAddSingleton<RequestAudit>();
        services.TryAddSingleton<WatchlistApi>();
        services.AddProblemDetails();
        services.AddHostedService<WatchlistMatchingService>();
        return services;
    }
}
