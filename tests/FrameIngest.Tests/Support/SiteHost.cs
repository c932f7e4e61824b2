using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.FrameIngest.Cameras;
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

    public static IHost Build(string databasePath, InProcessEventStream<FrameCaptured> frames, CapturingLoggerProvider logs, IDictionary<string, string?>? settings = null)
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
        builder.Services.AddFrameIngest(builder.Configuration);
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddFrameIngestConsumers();
            bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
        });
        return builder.Build();
    }

    public static async Task<SiteHost> StartAsync(string databasePath, CancellationToken cancellationToken, int capacity = 256)
    {
        var frames = new InProcessEventStream<FrameCaptured>(capacity);
        var logs = new CapturingLoggerProvider();
        var host = Build(databasePath, frames, logs);
        await host.StartAsync(cancellationToken);
        return new SiteHost(host, frames, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        Host.Dispose();
    }
}
