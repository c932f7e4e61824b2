using VfeTps.Stream.Host.Demo;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the demo cameras of the embedded site.</summary>
public static class DemoServiceCollectionExtensions
{
    public static IServiceCollection AddDemoCameras(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<DemoCameraSeeder>();
        return services;
    }
}
