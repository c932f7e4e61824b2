using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Messaging;

namespace VfeTps.Stream.Pipeline.Tests;

/// <summary>
/// The real embedded site (Program of services/Host, all four services) over a scratch data folder,
/// without demo cameras. Frames published by FrameIngest pass through a recorder so tests can map
/// capture times back to video positions. Clients it creates carry an API key holding every role.
/// </summary>
internal sealed class SiteFactory(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    private string? _key;

    public FrameRecorder Frames { get; } = new();

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Site:DataDirectory", dataDirectory);
        builder.UseSetting("Site:ModelBundle", Path.Combine(RepositoryRoot, "models", "tiny-synthpedes-20261128"));
        builder.UseSetting("Demo:Enabled", "false");
        foreach (var (key, value) in SiteKeys.Settings)
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IEventPublisher<FrameCaptured>>();
            services.AddSingleton<IEventPublisher<FrameCaptured>>(provider =>
                Frames.Forwarding(provider.GetRequiredService<InProcessEventStream<FrameCaptured>>()));
        });
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        SiteKeys.Use(client, _key ??= CreateKey());
    }

    // Through the test server's own client (not CreateClient, which would come back here); once per site.
    private string CreateKey() => SiteKeys.CreateAsync(Server.CreateClient(), "pipeline-tests", [.. SiteRoles.All]).GetAwaiter().GetResult();

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "VfeTps.Stream.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("VfeTps.Stream.sln not found above the test output folder.");
    }
}
