using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Watchlists.Tests;

/// <summary>The few real services a unit under test needs without a host: metrics on their own meter factory, a logger that records.</summary>
internal sealed class TestServices : IDisposable
{
    private readonly ServiceProvider _provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ILoggerFactory _loggers;

    public TestServices()
    {
        _loggers = LoggerFactory.Create(builder => builder.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        Metrics = new WatchlistMetrics(_provider.GetRequiredService<IMeterFactory>());
    }

    public RecordingLoggerProvider Logs { get; } = new();

    public WatchlistMetrics Metrics { get; }

    public ILogger<T> Logger<T>() => _loggers.CreateLogger<T>();

    public static IOptions<WatchlistOptions> Options(Action<WatchlistOptions> configure)
    {
        var options = new WatchlistOptions();
        configure(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    public void Dispose()
    {
        _loggers.Dispose();
        _provider.Dispose();
    }
}
