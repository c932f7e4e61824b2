using System.Net;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Access.Tests;

/// <summary><c>POST /api/auth/login</c>: the session cookie, and the one answer for every wrong credential.</summary>
public sealed class LoginTests : AccessServerTest
{
    [Fact]
    public async Task A_correct_login_answers_me_and_sets_a_strict_http_only_session_cookie()
    {
        await Server.SeedUserAsync("alice", [SiteRoles.Operator, SiteRoles.Ml], cameras: ["gate-a"]);

        var response = await Server.LoginResponseAsync("Alice", TestPasswords.Default);

        var me = await response.ReadAsync<MeResponse>();
        Assert.Equal(("user:alice", "alice", "session", false), (me.Id, me.Name, me.Method, me.MustChangePassword));
        Assert.Equal([SiteRoles.Operator, SiteRoles.Ml], me.Roles);
        Assert.Equal(["gate-a"], me.Cameras);
        var cookie = AccessTestServer.SetCookieOf(response)!;
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", AccessTestServer.SessionCookieOf(response));
        var stored = await Server.Service<UserStore>().FindAsync("alice", Token);
        Assert.Equal(Server.Time.GetUtcNow(), stored!.LastLoginAt);
    }

    [Fact]
    public async Task Over_https_the_cookie_is_secure()
    {
        await Server.SeedUserAsync("alice", [SiteRoles.Operator]);
        using var https = Server.CreateHttpsClient();

        var response = await https.PostAsync(
            "/api/auth/login",
            new StringContent($$"""{ "username": "alice", "password": "{{TestPasswords.Default}}" }""", System.Text.Encoding.UTF8, "application/json"),
            Token);

        await response.ReadAsync<MeResponse>();
        Assert.Contains("secure", AccessTestServer.SetCookieOf(response), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_user_a_wrong_password_and_a_disabled_user_get_the_same_401()
    {
        await Server.SeedUserAsync("alice", [SiteRoles.Operator]);
        await Server.SeedUserAsync("dora", [SiteRoles.Operator], disabled: true);

        var unknown = await Server.LoginResponseAsync("mallory", TestPasswords.Default);
        var wrong = await Server.LoginResponseAsync("alice", "not the password at all");
        var disabled = await Server.LoginResponseAsync("dora", TestPasswords.Default);

        var bodies = new List<string>();
        foreach (var response in new[] { unknown, wrong, disabled })
        {
            Assert.Null(AccessTestServer.SetCookieOf(response));
            // Everything but the per-request trace id.
            var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
            bodies.Add($"{problem.Type}|{problem.Title}|{problem.Detail}|{problem.Status}|{string.Join(',', problem.Extensions.Keys.Order())}");
        }

        Assert.Single(bodies.Distinct(StringComparer.Ordinal));
        Assert.Contains("user name or password is wrong", bodies[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_cookie_authenticates_and_logout_ends_it_on_the_server()
    {
        await Server.SeedUserAsync("alice", [SiteRoles.Operator]);
        var token = await Server.LoginAsync("alice");
        var session = Credential.Session(token);
        Assert.Equal(HttpStatusCode.OK, (await Server.SendAsync(HttpMethod.Get, "/api/auth/me", session)).StatusCode);

        var logout = await Server.SendAsync(HttpMethod.Post, "/api/auth/logout", session);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(string.Empty, AccessTestServer.SessionCookieOf(logout));
        // The old cookie value no longer works, even if the browser kept it.
        await (await Server.SendAsync(HttpMethod.Get, "/api/auth/me", session)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(0L, CountSessions());
    }

    [Fact]
    public async Task Logout_without_a_session_is_a_no_op_204()
    {
        var response = await Server.SendAsync(HttpMethod.Post, "/api/auth/logout");
        var withGarbage = await Server.SendAsync(HttpMethod.Post, "/api/auth/logout", Credential.Session("not-a-token"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, withGarbage.StatusCode);
        Assert.Empty(Server.Audit.Of(Contracts.Audit.AuditActions.LoggedOut));
    }

    [Fact]
    public async Task A_forged_or_stale_cookie_is_refused_and_cleared()
    {
        var response = await Server.SendAsync(HttpMethod.Get, "/api/auth/me", Credential.Session(new string('A', 43)));

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(string.Empty, AccessTestServer.SessionCookieOf(response));
    }

    [Theory]
    [InlineData("""{ "username": "alice" }""", "password")]
    [InlineData("""{ "password": "correct horse battery staple" }""", "username")]
    [InlineData("""{ "username": "alice", "password": "correct horse battery staple", "remember": true }""", "remember")]
    [InlineData("""{ "username": 42, "password": "x" }""", "username")]
    [InlineData("""{ "username": "al ice", "password": "correct horse battery staple" }""", "username")]
    [InlineData("""[ "alice" ]""", "body")]
    [InlineData("""{ "username": """, "body")]
    public async Task A_malformed_login_is_answered_400_naming_the_field(string body, string field)
    {
        var errors = await (await Server.SendAsync(HttpMethod.Post, "/api/auth/login", json: body)).ReadValidationErrorsAsync();

        Assert.True(errors.ContainsKey(field), $"No error for '{field}': {string.Join("; ", errors.Keys)}");
    }

    [Fact]
    public async Task A_login_that_is_not_json_is_415_and_a_huge_one_413()
    {
        var form = await Server.SendAsync(HttpMethod.Post, "/api/auth/login", json: "username=alice&password=x", contentType: "application/x-www-form-urlencoded");
        var huge = await Server.SendAsync(HttpMethod.Post, "/api/auth/login", json: $$"""{ "username": "alice", "password": "{{new string('x', 20_000)}}" }""");

        await form.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await huge.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Me_without_credentials_is_401()
    {
        await (await Server.SendAsync(HttpMethod.Get, "/api/auth/me")).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    private long CountSessions()
    {
        using var connection = Server.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM access_sessions";
        return (long)command.ExecuteScalar()!;
    }
}
