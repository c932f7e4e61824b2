using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Storage;
using VfeTps.Stream.VectorIndex;
using VfeTps.Stream.VectorIndex.Embedded;

namespace VfeTps.Stream.Watchlists.Tests;

/// <summary>
/// The watchlists on a <see cref="TestServer"/>, wired the way the host wires them: the real model,
/// a real embedded vector index and a real SQLite site database in the test's folder, the
/// <see cref="HeaderPrincipalForTests"/> authentication (its answers changed through <see cref="Access"/>)
/// with the role policies, a recording audit
/// trail, then <c>AddWatchlists</c> and <c>MapWatchlistApi</c>. Production environment. Starting a
/// second host over the same folder (after disposing the first) is a restart.
/// </summary>
internal sealed class WatchlistHost : IAsyncDisposable
{
    /// <summary>Small calibration settings, so that tests need a few hundred crops, not thousands.</summary>
    public static readonly IReadOnlyDictionary<string, string?> SmallWindow = new Dictionary<string, string?>
    {
        ["Watchlists:CalibrationWindow"] = "256",
        ["Watchlists:MinCalibrationCrops"] = "64",
    };

    private readonly IVectorIndex _index;

    private WatchlistHost(WebApplication app, IVectorIndex index, WatchlistModel model, RecordingAuditTrailForTests audit, FakeTimeProvider? time)
    {
        App = app;
        _index = index;
        Model = model;
        Audit = audit;
        Time = time;
    }

    public WebApplication App { get; }

    public WatchlistModel Model { get; }

    public RecordingAuditTrailForTests Audit { get; }

    public FakeTimeProvider? Time { get; }

    /// <summary>Changes to callers' access that apply from the next authentication on (streams re-authenticate at each ping).</summary>
    public AccessChangesForTests Access => App.Services.GetRequiredService<AccessChangesForTests>();

    public IVectorIndex Index => _index;

    public WatchlistCropFeed Feed => App.Services.GetRequiredService<WatchlistCropFeed>();

    public WatchlistMetrics Metrics => App.Services.GetRequiredService<WatchlistMetrics>();

    internal WatchlistMatcher Matcher => App.Services.GetRequiredService<WatchlistMatcher>();

    internal WatchlistStore Store => App.Services.GetRequiredService<WatchlistStore>();

    internal AlertBroadcaster Broadcaster => App.Services.GetRequiredService<AlertBroadcaster>();

    public static async Task<WatchlistHost> StartAsync(
        WatchlistModel model,
        TempDirectory folder,
        IReadOnlyDictionary<string, string?>? settings = null,
        FakeTimeProvider? time = null,
        Func<IVectorIndex, Task>? beforeStart = null,
        ILoggerProvider? logs = null,
        Inference.ServingModel? serving = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        if (logs is not null)
            builder.Logging.AddProvider(logs);
        builder.Configuration.AddInMemoryCollection(settings ?? SmallWindow);

        var index = await new EmbeddedVectorStore(folder.PathOf("vectors")).OpenAsync(model.Version, model.Dimension, TestContext.Current.CancellationToken);
        if (beforeStart is not null)
            await beforeStart(index);
        var audit = new RecordingAuditTrailForTests();
        builder.Services.AddSingleton(serving ?? model.Serving);
        builder.Services.AddSingleton(index);
        builder.Services.AddSingleton(new SiteDatabase(folder.PathOf("site.db")));
        builder.Services.AddSingleton<Contracts.Audit.IAuditTrail>(audit);
        if (time is not null)
            builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<AccessChangesForTests>();
        builder.Services.AddAuthentication(HeaderPrincipalForTests.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, HeaderPrincipalForTests>(HeaderPrincipalForTests.SchemeName, null);
        builder.Services.AddAuthorization(options =>
        {
            foreach (var role in SiteRoles.All)
                options.AddPolicy(role, policy => policy.RequireAuthenticatedUser().RequireRole(role));
        });
        builder.Services.AddWatchlists(builder.Configuration);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapWatchlistApi();
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            await index.DisposeAsync();
            throw;
        }

        return new WatchlistHost(app, index, model, audit, time);
    }

    /// <summary>A client signed in as <paramref name="user"/> with <paramref name="roles"/>, seeing <paramref name="cameras"/> (null = all); no user = anonymous.</summary>
    public HttpClient Client(string? user = "olivia", string roles = SiteRoles.Operator, IReadOnlyList<string>? cameras = null)
    {
        var client = App.GetTestClient();
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(HeaderPrincipalForTests.UserHeader, user);
            client.DefaultRequestHeaders.Add(HeaderPrincipalForTests.RolesHeader, roles);
            if (cameras is not null)
                client.DefaultRequestHeaders.Add(HeaderPrincipalForTests.CamerasHeader, cameras.Count == 0 ? "," : string.Join(',', cameras)); // "," = none
        }

        return client;
    }

    /// <summary>Creates a watchlist through the API as an unrestricted operator; fails the test unless it is created.</summary>
    public async Task<WatchlistResponse> CreateAsync(string name, string text, double? threshold = null, IReadOnlyList<string>? cameras = null)
    {
        using var client = Client();
        using var response = await client.PostAsJsonAsync("/api/watchlists", new CreateWatchlistRequest(name, text, threshold, cameras), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<WatchlistResponse>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Posts a raw JSON text (so that tests can send malformed or hostile bodies).</summary>
    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string json) =>
        client.PostAsync("/api/watchlists", new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    /// <summary>Publishes crops to the feed and waits until the matcher has taken them all (matched or skipped).</summary>
    public async Task FeedAsync(IEnumerable<CropEmbedded> crops)
    {
        var before = Processed();
        var count = 0;
        foreach (var crop in crops)
        {
            Assert.True(Feed.TryPublish(crop));
            count++;
        }

        await Eventually.HoldsAsync(() => Processed() >= before + count, TimeSpan.FromSeconds(30), () => $"the matcher took {Processed() - before} of {count} crops");
    }

    /// <summary>Crops the matcher has taken: matched or skipped for any reason.</summary>
    public long Processed() =>
        Metrics.CropsMatched + Metrics.CropsSkipped(SkipReasons.Vector) + Metrics.CropsSkipped(SkipReasons.CropId)
        + Metrics.CropsSkipped(SkipReasons.ModelVersion) + Metrics.CropsSkipped(SkipReasons.Error);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(TestContext.Current.CancellationToken);
        await App.DisposeAsync();
        await _index.DisposeAsync();
    }
}
