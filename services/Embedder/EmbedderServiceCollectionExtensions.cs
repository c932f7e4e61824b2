using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Embedder;
using VfeTps.Stream.Messaging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Embedder. The host provides ServingModel, IVectorIndex, IBlobStore, the event streams and IDeadLetterSink.</summary>
public static class EmbedderServiceCollectionExtensions
{
    public static IServiceCollection AddEmbedder(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EmbedderOptions>()
            .Bind(configuration.GetSection(EmbedderOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<EmbedderMetrics>();
        services.TryAddSingleton<CropBatchEmbedder>();
        services.TryAddSingleton<CropEmbeddingStage>();
        services.AddHostedService(provider => provider.GetRequiredService<CropEmbeddingStage>());
        services.TryAddSingleton<IStreamConsumer<PersonCropped>>(provider => provider.GetRequiredService<CropEmbeddingStage>());
        return services;
    }
}
