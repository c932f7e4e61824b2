using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VfeTps.Stream.Audit;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Pipeline.Tests;

/// <summary>Forwarded headers believed from trusted proxies only; what concerns every camera kept from restricted principals.</summary>
public sealed class SiteProxyAndOperationsTests
{
    private const string Client = "203.0.113.9";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_trusted_proxy_gives_the_client_address_and_https_and_an_untrusted_one_is_ignored(bool trusted)
    {
        using var data = new TempDirectory();
        var settings = trusted ? new Dictionary<string, string> { ["Site:TrustedProxies:0"] = "127.0.0.1" } : null;
        await using var site = new SiteFactory(data.FullPath, settings);
        _ = site.Services;

        var context = await site.Server.SendAsync(http =>
        {
            http.Connection.RemoteIpAddress = IPAddress.Loopback;
            http.Request.Method = HttpMethods.Post;
            http.Request.Path = "/api/auth/login";
            http.Request.ContentType = "application/json";
            http.Request.Headers["X-Forwarded-For"] = Client;
            http.Request.Headers["X-Forwarded-Proto"] = "https";
            http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes($$"""{"username":"admin","password":"{{SiteKeys.AdminPassword}}"}"""));
        }, TestContext.Current.CancellationToken);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        var cookie = context.Response.Headers.SetCookie.ToString();
        Assert.Equal(trusted, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
        var audit = site.Services.GetRequiredService<SqliteAuditTrail>();
        var login = Assert.Single((await audit.QueryAsync(new AuditFilter(Action: AuditActions.LoggedIn), TestContext.Current.CancellationToken)).Entries);
        Assert.Equal(trusted ? Client : "127.0.0.1", login.ClientAddress);
    }

    [Fact]
    public async Task Dead_letters_and_metrics_are_for_unrestricted_integrators_ml_and_admins_only()
    {
        using var data = new TempDirectory();
        await using var site = new SiteFactory(data.FullPath);
        using var admin = site.CreateClient();
        using var ml = site.CreateClient();
        SiteKeys.Use(ml, await SiteKeys.CreateAsync(admin, "ml", [SiteRoles.Ml]));
        using var restrictedMl = site.CreateClient();
        SiteKeys.Use(restrictedMl, await SiteKeys.CreateAsync(admin, "restricted-ml", [SiteRoles.Ml], ["lobby"]));
        using var operatorClient = site.CreateClient();
        SiteKeys.Use(operatorClient, await SiteKeys.CreateAsync(admin, "operator", [SiteRoles.Operator]));

        foreach (var path in new[] { "/api/dead-letters", "/metrics" })
        {
            Assert.Equal(HttpStatusCode.OK, (await ml.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await restrictedMl.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
        }
    }
}
