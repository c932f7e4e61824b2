using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace VfeTps.Stream.Host.Site;

/// <summary>Says where the site answers once it does, and how to sign in.</summary>
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
          control room: open {Address} in a browser and sign in (on the first start the admin's password is in the framed block above)
          API:          {Address}/openapi/v1.json with an API key (Admin → API keys) sent as 'Authorization: Bearer vfk_…'
          health:       {Address}/healthz
        """)]
    private partial void LogReady(string address);
}
