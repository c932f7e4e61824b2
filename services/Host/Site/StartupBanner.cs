using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace VfeTps.Stream.Host.Site;

/// <summary>Says where the site answers once it does, with a first search to try.</summary>
public sealed partial class StartupBanner(IServer server, IHostApplicationLifetime lifetime, ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "(no address)";
            address = address.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal);
            LogReady(address);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = """
        VfeTps.Stream is up at {Address}
          search:   curl -s {Address}/api/search -H 'Content-Type: application/json' -d '{{"text":"a man in a red jacket with a black backpack"}}'
          cameras:  {Address}/api/cameras    stats: {Address}/api/stats    health: {Address}/healthz    API: {Address}/openapi/v1.json
        """)]
    private partial void LogReady(string address);
}
