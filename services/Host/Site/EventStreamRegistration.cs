using Microsoft.Extensions.Options;
using VfeTps.Stream.Messaging;

namespace VfeTps.Stream.Host.Site;

/// <summary>Registers one bounded in-process stream as both the publisher and the source of its events.</summary>
internal static class EventStreamRegistration
{
    public static IServiceCollection AddInProcessEventStream<TEvent>(this IServiceCollection services, Func<SiteOptions, int> capacity)
    {
        services.AddSingleton(provider => new InProcessEventStream<TEvent>(capacity(provider.GetRequiredService<IOptions<SiteOptions>>().Value)));
        services.AddSingleton<IEventPublisher<TEvent>>(provider => provider.GetRequiredService<InProcessEventStream<TEvent>>());
        services.AddSingleton<IEventSource<TEvent>>(provider => provider.GetRequiredService<InProcessEventStream<TEvent>>());
        return services;
    }
}
