using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Messaging;
using VfeTps.Stream.PersonCrop;
using VfeTps.Stream.PersonCrop.Cameras;
using VfeTps.Stream.PersonCrop.Detection;
using VfeTps.Stream.PersonCrop.Stage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers PersonCrop. The host provides IEventSource&lt;FrameCaptured&gt;, IEventPublisher&lt;PersonCropped&gt;,
/// IBlobStore, IDeadLetterSink and (optionally) ICameraDirectory, and adds the consumers to its bus
/// with <see cref="AddPersonCropConsumers"/>.
/// </summary>
public static class PersonCropServiceCollectionExtensions
{
    public static IServiceCollection AddPersonCrop(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PersonCropOptions>()
            .Bind(configuration.GetSection(PersonCropOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PersonCropOptions>, PersonCropOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<PersonCropMetrics>();
        services.TryAddSingleton<PersonCropCameras>();
        services.TryAddSingleton<IPersonDetectorFactory>(provider => new DetectorFactory(
            provider.GetRequiredService<IOptions<PersonCropOptions>>().Value,
            provider.GetService<ILoggerFactory>()));
        services.TryAddSingleton<FrameProcessor>();
        services.TryAddSingleton<PersonCropStage>();
        services.AddHostedService(provider => provider.GetRequiredService<PersonCropStage>());
        services.TryAddSingleton<IStreamConsumer<FrameCaptured>>(provider => provider.GetRequiredService<PersonCropStage>());
        return services;
    }

    /// <summary>PersonCrop's control-event consumers (CameraAdded, CameraRemoved), on endpoints of their own.</summary>
    public static void AddPersonCropConsumers(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<PersonCropCameraAddedConsumer>();
        bus.AddConsumer<PersonCropCameraRemovedConsumer>();
    }
}
