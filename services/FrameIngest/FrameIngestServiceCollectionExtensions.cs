using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.FrameIngest;
using VfeTps.Stream.FrameIngest.Cameras;
using VfeTps.Stream.FrameIngest.Hosting;
using VfeTps.Stream.FrameIngest.Registry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers FrameIngest. The host provides SiteDatabase, IEventPublisher&lt;FrameCaptured&gt; and the
/// bus (AddMassTransit with <see cref="AddFrameIngestConsumers"/>; the registry publishes through IBus).
/// </summary>
public static class FrameIngestServiceCollectionExtensions
{
    public static IServiceCollection AddFrameIngest(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<FrameIngestOptions>()
            .Bind(configuration.GetSection(FrameIngestOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FrameIngestOptions>, FrameIngestOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<FrameIngestMetrics>();
        services.TryAddSingleton<CameraSupervisor>();
        services.TryAddSingleton<ICameraHealthSource>(provider => provider.GetRequiredService<CameraSupervisor>());

        // IBus, not the scoped IPublishEndpoint: the registry is a singleton.
        services.TryAddSingleton(provider => ActivatorUtilities.CreateInstance<CameraRegistry>(provider, provider.GetRequiredService<IBus>()));
        services.TryAddSingleton<ICameraDirectory>(provider => provider.GetRequiredService<CameraRegistry>());
        services.TryAddSingleton<FrameIngestHealthCheck>();
        services.AddHostedService<CameraStartupService>();
        return services;
    }

    /// <summary>FrameIngest's control-event consumers (CameraAdded starts a worker, CameraRemoved stops it).</summary>
    public static void AddFrameIngestConsumers(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<CameraAddedConsumer>();
        bus.AddConsumer<CameraRemovedConsumer>();
    }
}
