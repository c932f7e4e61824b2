using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Host.Site;

namespace VfeTps.Stream.SiteBench.Pipeline;

/// <summary>The real embedded site (the same composition run.sh starts) in this process, in a scratch data folder, without demo cameras.</summary>
public sealed class InProcessSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessSite(WebApplication app, string dataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    public ICameraDirectory Cameras => _app.Services.GetRequiredService<ICameraDirectory>();

    public PipelineLatency Latency => _app.Services.GetRequiredService<PipelineLatency>();

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Starts the site; the model bundle and other relative paths are taken from the working directory (the repository).</summary>
    public static async Task<InProcessSite> StartAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Site:DataDirectory"] = dataDirectory,
            ["Demo:Enabled"] = "false",
            ["Urls"] = "http://127.0.0.1:0",
        });
        builder.Logging.ClearProviders();
        builder.AddEmbeddedSite();
        var app = builder.Build();
        app.MapEmbeddedSite();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new InProcessSite(app, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
