using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VfeTps.Stream.Embedder;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Embedder. The host provides ServingModel, IVectorIndex, IBlobStore, the event streams and IDeadLetterSink.</summary>
public static class EmbedderServiceCollectionExtensions
{
    public static IServiceCollection AddEmbedder(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmbedderOptions>()
            .Bind(configuration.GetSection(EmbedderOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<EmbedderMetrics>();
        services.TryAddSingleton<CropBatchEmbedder>();
        services.AddHostedService<CropEmbeddingStage>();
        return services;
    }
}
