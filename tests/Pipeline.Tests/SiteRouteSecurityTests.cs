using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace VfeTps.Stream.Pipeline.Tests;

/// <summary>
/// Every route the real site maps, found by enumerating its endpoints (so a route added later is
/// covered too), refuses a caller without credentials — except the few that must be reachable before
/// signing in, listed here one by one.
/// </summary>
public sealed class SiteRouteSecurityTests
{
    /// <summary>The routes reachable without credentials, and why.</summary>
    private static readonly HashSet<string> Anonymous = new(StringComparer.Ordinal)
    {
        "POST /api/auth/login",   // signing in
        "POST /api/auth/logout",  // a no-op without a session
        "GET /healthz",           // load balancers' probe: the status word only
        "GET /login",             // the sign-in page
        "HEAD /login",
        "GET /",                  // redirects to /login without a session
        "HEAD /",
        "GET /ui/{**path}",       // static assets, no data in them
        "HEAD /ui/{**path}",
    };

    [Fact]
    public async Task Every_route_but_the_sign_in_ones_answers_401_without_credentials()
    {
        using var data = new TempDirectory();
        await using var site = new SiteFactory(data.FullPath);
        var endpoints = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToArray();
        using var anonymous = site.Server.CreateClient();
        var routes = endpoints
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (Method: method, Pattern: endpoint.RoutePattern.RawText!)))
            .Distinct()
            .ToArray();

        Assert.True(routes.Length > 30, $"Only {routes.Length} routes found; the enumeration is broken.");
        Assert.Subset(routes.Select(Name).ToHashSet(StringComparer.Ordinal), Anonymous);
        foreach (var (method, pattern) in routes.Where(route => !Anonymous.Contains(Name(route))))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Fill(pattern));
            if (method is "POST" or "PUT")
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            using var response = await anonymous.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {pattern} answered {(int)response.StatusCode} without credentials.");
        }

        using var page = await anonymous.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login", page.Headers.Location?.OriginalString);
        using var health = await anonymous.GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static string Name((string Method, string Pattern) route) => $"{route.Method} {route.Pattern}";

    /// <summary>The route with sample values in its parameters.</summary>
    private static string Fill(string pattern) => "/" + pattern.TrimStart('/')
        .Replace("{cropId}", "synth-1.1.0", StringComparison.Ordinal)
        .Replace("{**path}", "app.css", StringComparison.Ordinal)
        .Replace("{id}", "some-id", StringComparison.Ordinal)
        .Replace("{name}", "admin", StringComparison.Ordinal);
}
