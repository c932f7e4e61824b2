using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Contracts.Audit;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.Access.Tests;

/// <summary>
/// The access library on a <see cref="TestServer"/>, wired the way the host wires it (its <see cref="SiteDatabase"/>
/// and <see cref="IAuditTrail"/> registered, then <c>AddSiteAccess</c>, <c>UseSiteAccess</c>, <c>MapAccessApi</c>),
/// plus probe endpoints under <c>/test/</c> that need each policy and answer the principal's claims.
/// Time is a <see cref="FakeTimeProvider"/>; the client address comes from the test-only header <see cref="ClientAddressHeader"/>.
/// </summary>
internal sealed class AccessTestServer : IAsyncDisposable
{
    /// <summary>Sets the connection's remote address for one request (a test-only middleware reads it).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private AccessTestServer(WebApplication app, FakeTimeProvider time, RecordingAuditTrailForTests audit, CapturingCredentialWriterForTests credentials, RecordingLoggerProvider logs)
    {
        App = app;
        Time = time;
        Audit = audit;
        Credentials = credentials;
        Logs = logs;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public FakeTimeProvider Time { get; }

    public RecordingAuditTrailForTests Audit { get; }

    public CapturingCredentialWriterForTests Credentials { get; }

    public RecordingLoggerProvider Logs { get; }

    public SiteDatabase Database => Service<SiteDatabase>();

    /// <summary>The password of the administrator created at start (by this server or an earlier one over the same database).</summary>
    public string AdminPassword => Credentials.Written.Single().GeneratedPassword!;

    public static async Task<AccessTestServer> StartAsync(
        TempDirectory directory,
        IReadOnlyDictionary<string, string?>? settings = null,
        RecordingAuditTrailForTests? audit = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        var logs = new RecordingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Access:PasswordIterations"] = TestPasswords.Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
        audit ??= new RecordingAuditTrailForTests();
        var credentials = new CapturingCredentialWriterForTests();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(new SiteDatabase(Path.Combine(directory.FullPath, "site.db")));
        builder.Services.AddSingleton<IAuditTrail>(audit);
        builder.Services.AddSingleton<IBootstrapCredentialWriter>(credentials);
        builder.Services.AddSiteAccess(builder.Configuration);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.Use(static (context, next) =>
        {
            // Test-only: TestServer has no remote address; the throttle tests need several.
            if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var address))
                context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
            return next(context);
        });
        app.UseSiteAccess();
        app.MapAccessApi();
        MapProbes(app);
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new AccessTestServer(app, time, audit, credentials, logs);
    }

    /// <summary>A client whose requests arrive as HTTPS (<c>Request.IsHttps</c>).</summary>
    public HttpClient CreateHttpsClient()
    {
        var client = App.GetTestServer().CreateClient();
        client.BaseAddress = new Uri("https://site.example/");
        return client;
    }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Adds a user directly to the store (the password is hashed once per run), bypassing the admin API.</summary>
    public async Task<StoredUser> SeedUserAsync(
        string name, IReadOnlyList<string> roles, IReadOnlyList<string>? cameras = null, bool disabled = false, string password = TestPasswords.Default)
    {
        var user = new StoredUser(name, TestPasswords.HashOf(password), roles, cameras, disabled, false, Time.GetUtcNow(), null);
        Assert.True(await Service<UserStore>().TryCreateAsync(user, TestContext.Current.CancellationToken), $"The user {name} exists already.");
        return user;
    }

    /// <summary>Adds an API key directly to the store; returns its full secret.</summary>
    public async Task<(string Id, string Secret)> SeedKeyAsync(string owner, IReadOnlyList<string> roles, IReadOnlyList<string>? cameras = null, string name = "test key")
    {
        var (key, secret) = await Service<ApiKeyStore>().CreateAsync(ApiKeyFormat.NewId(), name, owner, roles, cameras, TestContext.Current.CancellationToken);
        return (key.Id, secret);
    }

    /// <summary>Logs in (expecting success) and returns the session cookie's value.</summary>
    public async Task<string> LoginAsync(string name, string password = TestPasswords.Default, string? clientAddress = null)
    {
        using var response = await LoginResponseAsync(name, password, clientAddress);
        await response.ReadAsync<MeResponse>();
        return SessionCookieOf(response) ?? throw new InvalidOperationException("The login answer set no session cookie.");
    }

    public async Task<Credential> LoginAsAdminAsync() => Credential.Session(await LoginAsync(UserNames.BootstrapAdmin, AdminPassword));

    public async Task<Credential> SessionOfNewUserAsync(string name, params string[] roles)
    {
        await SeedUserAsync(name, roles);
        return Credential.Session(await LoginAsync(name));
    }

    public Task<HttpResponseMessage> LoginResponseAsync(string name, string password, string? clientAddress = null) =>
        SendAsync(HttpMethod.Post, "/api/auth/login", json: System.Text.Json.JsonSerializer.Serialize(new { username = name, password }), clientAddress: clientAddress);

    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, Credential? credential = null, string? json = null, string contentType = "application/json", string? clientAddress = null)
    {
        using var request = new HttpRequestMessage(method, path);
        credential?.ApplyTo(request);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, contentType);
        if (clientAddress is not null)
            request.Headers.Add(ClientAddressHeader, clientAddress);
        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> SendJsonAsync<T>(HttpMethod method, string path, T body, Credential? credential = null) =>
        SendAsync(method, path, credential, System.Text.Json.JsonSerializer.Serialize(body, ResponseReading.Json));

    /// <summary>The value the answer set the session cookie to ("" when it cleared it); null when it did not touch it.</summary>
    public static string? SessionCookieOf(HttpResponseMessage response) =>
        SetCookieOf(response) is { } header ? header[(header.IndexOf('=', StringComparison.Ordinal) + 1)..header.IndexOf(';', StringComparison.Ordinal)] : null;

    public static string? SetCookieOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.SingleOrDefault(value => value.StartsWith("vfetps_session=", StringComparison.Ordinal))
            : null;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync(TestContext.Current.CancellationToken);
        await App.DisposeAsync();
    }

    private static void MapProbes(WebApplication app)
    {
        var probes = app.MapGroup("/test");
        probes.MapGet("/any", (HttpContext context) => ClaimsView.Of(context.User));
        probes.MapGet("/authenticated", (HttpContext context) => ClaimsView.Of(context.User)).RequireAuthorization(AccessPolicies.Authenticated);
        probes.MapGet("/public", () => "open").AllowAnonymous();
        foreach (var role in SiteRoles.All)
            probes.MapGet($"/{role}", (HttpContext context) => ClaimsView.Of(context.User)).RequireAuthorization(role);
        probes.MapPost("/search", (HttpContext context) => ClaimsView.Of(context.User))
            .RequireAuthorization(AccessPolicies.Operator)
            .RequireRateLimiting(AccessPolicies.SearchRateLimit);
    }
}
