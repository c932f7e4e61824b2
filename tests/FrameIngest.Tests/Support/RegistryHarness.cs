using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.FrameIngest.Cameras;
using VfeTps.Stream.FrameIngest.Registry;
using VfeTps.Stream.Messaging;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.FrameIngest.Tests.Support;

/// <summary>
/// A camera registry over a real SQLite file, announcing on MassTransit's in-memory test harness
/// (a real bus; no consumers, so no worker starts): tests see what was published.
/// </summary>
internal sealed class RegistryHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private RegistryHarness(ServiceProvider services, CapturingLoggerProvider logs)
    {
        _services = services;
        Logs = logs;
        Registry = services.GetRequiredService<CameraRegistry>();
        Bus = services.GetRequiredService<ITestHarness>();
    }

    public CameraRegistry Registry { get; }

    public ITestHarness Bus { get; }

    public CapturingLoggerProvider Logs { get; }

    public static async Task<RegistryHarness> StartAsync(string databasePath)
    {
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs));
        services.AddMetrics();
        services.AddSingleton(new SiteDatabase(databasePath));
        services.AddSingleton<IEventPublisher<FrameCaptured>>(new InProcessEventStream<FrameCaptured>(4));
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new FrameIngestOptions()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<FrameIngestMetrics>();
        services.AddSingleton<CameraSupervisor>();
        services.AddSingleton<ICameraHealthSource>(provider => provider.GetRequiredService<CameraSupervisor>());
        services.AddMassTransitTestHarness();
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<CameraRegistry>(provider, provider.GetRequiredService<IBus>()));
        var provider = services.BuildServiceProvider();
        var harness = new RegistryHarness(provider, logs);
        await harness.Bus.Start();
        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        await Bus.Stop();
        await _services.DisposeAsync();
    }
}
