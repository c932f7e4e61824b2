using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace VfeTps.Stream.Testing;

/// <summary>
/// Credentials for tests of a site that runs the real access library: signs in as the first admin
/// (whose password the test configured through Access:BootstrapAdminPassword) and mints API keys
/// with the roles and cameras a test needs, through the real /api/keys route.
/// </summary>
internal static class SiteKeys
{
    /// <summary>The first admin's password the tests configure (Access:BootstrapAdminPassword).</summary>
    public const string AdminPassword = "test-admin-password-0123";

    /// <summary>The configuration that makes a test site fast to sign in to and predictable.</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Access:BootstrapAdminPassword"] = AdminPassword,
        // The lowest the options allow: the tests sign in often; the default is tested by the access tests.
        ["Access:PasswordIterations"] = "100000",
        // Tests search far faster than an operator; the rate limit has its own tests.
        ["Access:SearchRequestsPerMinute"] = "6000",
        ["Access:SearchBurst"] = "10000",
    };

    /// <summary>An API key's secret, created by the admin, for these roles (null cameras = every camera).</summary>
    public static async Task<string> CreateAsync(HttpClient client, string name, string[] roles, string[]? cameras = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = AdminPassword }, cancellationToken);
        login.EnsureSuccessStatusCode();
        var cookie = login.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith("vfetps_session=", StringComparison.Ordinal)).Split(';')[0];

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/keys") { Content = JsonContent.Create(new { name, roles, cameras }) };
        request.Headers.Add("Cookie", cookie);
        using var created = await client.SendAsync(request, cancellationToken);
        created.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(cancellationToken));
        return body.RootElement.GetProperty("secret").GetString()!;
    }

    /// <summary>Makes every later request of <paramref name="client"/> carry the key.</summary>
    public static void Use(HttpClient client, string secret) =>
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
}
