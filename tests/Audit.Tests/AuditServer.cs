using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.Audit.Tests;

/// <summary>
/// The audit API on a <see cref="TestServer"/>, wired as the host will wire it (<c>AddAuditTrail</c>,
/// <c>MapAuditApi</c>), with <see cref="HeaderPrincipalForTests"/> standing in for the access library and
/// the policy <see cref="AccessPolicies.Admin"/> = role admin. Production environment.
/// </summary>
internal sealed class AuditServer : IAsyncDisposable
{
    private readonly TempDirectory _folder;

    private AuditServer(TempDirectory folder, WebApplication app, SiteDatabase database, FakeTimeProvider clock)
    {
        _folder = folder;
        App = app;
        Database = database;
        Clock = clock;
        Client = app.GetTestClient();
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public SiteDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public SqliteAuditTrail Trail => App.Services.GetRequiredService<SqliteAuditTrail>();

    public static async Task<AuditServer> StartAsync()
    {
        var folder = new TempDirectory();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var database = new SiteDatabase(folder.PathOf("site.db"));
        var clock = new FakeTimeProvider(AuditTrailForTests.Start);
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<AccessChangesForTests>();
        builder.Services.AddAuthentication(HeaderPrincipalForTests.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, HeaderPrincipalForTests>(HeaderPrincipalForTests.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AccessPolicies.Admin, policy => policy.RequireRole(SiteRoles.Admin));
        builder.Services.AddAuditTrail(builder.Configuration);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapAuditApi();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new AuditServer(folder, app, database, clock);
    }

    /// <summary>A GET as <paramref name="user"/> holding <paramref name="roles"/> (comma-separated); no user = anonymous.</summary>
    public Task<HttpResponseMessage> GetAsync(string path, string? user = "root", string roles = SiteRoles.Admin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (user is not null)
        {
            request.Headers.Add(HeaderPrincipalForTests.UserHeader, user);
            request.Headers.Add(HeaderPrincipalForTests.RolesHeader, roles);
        }

        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json) ?? throw new InvalidOperationException($"The body is null: {body}");
    }

    public static async Task<IDictionary<string, string[]>> ReadValidationErrorsAsync(HttpResponseMessage response) =>
        (await ReadAsync<HttpValidationProblemDetails>(response, HttpStatusCode.BadRequest)).Errors;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync(TestContext.Current.CancellationToken);
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
