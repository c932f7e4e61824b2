using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.FrameIngest.Cameras;
using VfeTps.Stream.FrameIngest.Registry;
using VfeTps.Stream.Messaging;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.FrameIngest.Tests.Support;

/// <summary>
/// A generic host wired the way the embedded site wires FrameIngest: SiteDatabase and the frame
/// stream from the host, AddFrameIngest, and AddMassTransit with FrameIngest's consumers on the
/// in-memory transport.
/// </summary>
internal sealed class SiteHost : IAsyncDisposable
{
    private SiteHost(IHost host, InProcessEventStream<FrameCaptured> frames, CapturingLoggerProvider logs)
    {
        Host = host;
        Frames = frames;
        Logs = logs;
    }

    public IHost Host { get; }

    public InProcessEventStream<FrameCaptured> Frames { get; }

    public CapturingLoggerProvider Logs { get; }

    public ICameraDirectory Directory => Host.Services.GetRequiredService<ICameraDirectory>();

    public CameraSupervisor Supervisor => Host.Services.GetRequiredService<CameraSupervisor>();

    /// <param name="databasePath">The site database.</param>
    /// <param name="frames">The frame stream FrameIngest publishes into.</param>
    /// <param name="logs">Captures every log line.</param>
    /// <param name="settings">Configuration (fast reconnection settings when null).</param>
    /// <param name="bus">Wraps the bus the registry announces through (a test double around the real bus), when given.</param>
    public static IHost Build(
        string databasePath,
        InProcessEventStream<FrameCaptured> frames,
        CapturingLoggerProvider logs,
        IDictionary<string, string?>? settings = null,
        Func<IPublishEndpoint, IPublishEndpoint>? bus = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Development,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>
        {
            ["FrameIngest:ReconnectInitialDelay"] = "00:00:00.100",
            ["FrameIngest:ReconnectMaxDelay"] = "00:00:00.500",
        });
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddSingleton(new SiteDatabase(databasePath));
        builder.Services.AddSingleton<IEventPublisher<FrameCaptured>>(frames);
        if (bus is not null)
        {
            // Registered before AddFrameIngest, whose registration of the registry then stands back.
            builder.Services.AddSingleton(provider => ActivatorUtilities.CreateInstance<CameraRegistry>(provider, bus(provider.GetRequiredService<IBus>())));
        }

        builder.Services.AddFrameIngest(builder.Configuration);
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddFrameIngestConsumers();
            bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
        });
        return builder.Build();
    }

    public static async Task<SiteHost> StartAsync(
        string databasePath,
        CancellationToken cancellationToken,
        int capacity = 256,
        IDictionary<string, string?>? settings = null,
        Func<IPublishEndpoint, IPublishEndpoint>? bus = null)
    {
        var frames = new InProcessEventStream<FrameCaptured>(capacity);
        var logs = new CapturingLoggerProvider();
        var host = Build(databasePath, frames, logs, settings, bus);
        await host.StartAsync(cancellationToken);
        return new SiteHost(host, frames, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        Host.Dispose();
    }
}
