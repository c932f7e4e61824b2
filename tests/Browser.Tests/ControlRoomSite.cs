using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.DemoCameras;

namespace VfeTps.Stream.Browser.Tests;

/// <summary>
/// One real site on a loopback Kestrel port that has indexed the small scene's two cameras (registered
/// through the API by the first-start admin), and one headless Debian chromium driven by Playwright.
/// Shared by the browser tests; each test opens its own browser context (its own cookies).
/// </summary>
public sealed class ControlRoomSite : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TempDirectory _data = new();
    private BrowserSiteFactory _site = null!;
    private IPlaywright _playwright = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public DemoScene Scene { get; private set; } = null!;

    /// <summary>Signed in as the first-start admin (session cookie).</summary>
    public HttpClient Admin { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var scene = SmallScene.EnsureAsync();
        _site = new BrowserSiteFactory(_data.FullPath, kestrel: true);
        _site.StartServer();
        BaseAddress = _site.ServerAddress;
        Admin = await SignInAsync("admin", BrowserSiteFactory.AdminPassword);
        // Generous waits: the whole solution's tests may share two cores with this browser.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(ChromiumLaunch.Options);

        Scene = await scene;
        foreach (var spec in Scene.CameraSpecs())
        {
            using var response = await Admin.PostAsJsonAsync("/api/cameras", spec with { Loop = false, Paced = false }, cancellation);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        await WaitUntilIndexedAsync([.. Scene.GroundTruth.Cameras.Select(c => c.Id)], TimeSpan.FromMinutes(2));
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        Admin?.Dispose();
        if (_site is not null)
            await _site.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>An HTTP client signed in through POST /api/auth/login (its cookie container keeps the session).</summary>
    public async Task<HttpClient> SignInAsync(string user, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = BaseAddress };
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { username = user, password }, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"signing in as {user} answered {(int)response.StatusCode}");
        return client;
    }

    /// <summary>A fresh browser context (no cookies) at 1920×1080, with its page.</summary>
    public async Task<BrowserSession> OpenAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
            Locale = "en-GB",
            TimezoneId = "Europe/Amsterdam",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page);
    }

    /// <summary>The text description of a person who walks past <paramref name="cameraId"/>, and that person's id.</summary>
    public (int PersonId, string Text) DescribeSomeoneOn(string cameraId)
    {
        var appearance = Scene.GroundTruth.Appearances.Where(a => a.CameraId == cameraId).OrderBy(a => a.EnterFrame).First();
        var person = Scene.GroundTruth.Identities.Single(i => i.PersonId == appearance.PersonId);
        return (person.PersonId, new QueryBuilder(seed: 7).Describe(person, 0).Text);
    }

    /// <summary>What the search API answers for a request (to compare the page with).</summary>
    public async Task<IReadOnlyList<SearchRow>> SearchAsync(object request)
    {
        using var response = await Admin.PostAsJsonAsync("/api/search", request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<SearchBody>(Json, TestContext.Current.CancellationToken);
        return body!.Results;
    }

    /// <summary>Waits until the given file cameras have ended and everything they gave is indexed (the count steady over three polls).</summary>
    public async Task WaitUntilIndexedAsync(IReadOnlyCollection<string> cameraIds, TimeSpan deadline)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var state = "";
        var steady = 0;
        long previous = -1;
        await Eventually.HoldsAsync(async () =>
        {
            var cameras = await Admin.GetFromJsonAsync<List<CameraRow>>("/api/cameras", Json, cancellation) ?? [];
            var stats = await Admin.GetFromJsonAsync<StatsRow>("/api/stats", Json, cancellation);
            var ours = cameras.Where(c => cameraIds.Contains(c.Id)).ToList();
            state = $"cameras [{string.Join(", ", ours.Select(c => $"{c.Id}: {c.Health.State}"))}], {stats!.FrameBacklog} frames and {stats.CropBacklog} crops waiting, {stats.IndexedCrops} indexed";
            var drained = ours.Count == cameraIds.Count && ours.All(c => c.Health.State == nameof(CameraState.Ended))
                && stats.FrameBacklog == 0 && stats.CropBacklog == 0 && stats.IndexedCrops > 0;
            steady = drained && stats.IndexedCrops == previous ? steady + 1 : 0;
            previous = stats.IndexedCrops;
            if (steady < 3)
                await Task.Delay(250, cancellation);
            return steady >= 3;
        }, deadline, () => $"the scene was not indexed: {state}");
    }

    public sealed record SearchRow(string CropId, float Score, string CameraId, DateTimeOffset Time, long TrackId, int? MatchingCrops);

    private sealed record SearchBody(string ModelVersion, IReadOnlyList<SearchRow> Results);

    private sealed record CameraRow(string Id, string Name, HealthRow Health);

    private sealed record HealthRow(string State);

    private sealed record StatsRow(long IndexedCrops, int FrameBacklog, int CropBacklog);
}

/// <summary>
/// A browser context and its page; disposing closes both. Records what must never happen on a page:
/// uncaught script errors and Content-Security-Policy violations.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _problems = [];

    public BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.PageError += (_, error) => Record($"uncaught error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                Record($"CSP violation: {message.Text}");
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
                return [.. _problems];
        }
    }

    public ValueTask DisposeAsync() => Context.DisposeAsync();

    private void Record(string problem)
    {
        lock (_problems)
            _problems.Add(problem);
    }
}
