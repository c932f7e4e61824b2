namespace VfeTps.Stream.Browser.Tests;

/// <summary>The real site on the in-memory TestServer (no cameras), for the tests of how the UI is served.</summary>
public sealed class ServingSite : IAsyncLifetime
{
    private readonly TempDirectory _data = new();

    internal BrowserSiteFactory Site { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Site = new BrowserSiteFactory(_data.FullPath, kestrel: false);
        return ValueTask.CompletedTask;
    }

    /// <summary>A client that does not follow redirects and keeps no session.</summary>
    public HttpClient Anonymous() => Site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>A client signed in as the first-start admin (the factory's client keeps cookies).</summary>
    public async Task<HttpClient> SignedInAsync()
    {
        var client = Site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await client.PostAsync(
            "/api/auth/login",
            System.Net.Http.Json.JsonContent.Create(new { username = "admin", password = BrowserSiteFactory.AdminPassword }),
            TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        _data.Dispose();
    }
}
