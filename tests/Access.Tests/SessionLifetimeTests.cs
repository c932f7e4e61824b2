using System.Net;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Access.Tests;

/// <summary>Sessions end when idle too long, at their absolute lifetime, and when their user's password changes or the user is disabled.</summary>
public sealed class SessionLifetimeTests : AccessServerTest
{
    private static readonly TimeSpan Idle = new AccessOptions().SessionIdleTimeout;
    private static readonly TimeSpan Lifetime = new AccessOptions().SessionLifetime;

    [Fact]
    public async Task A_session_idle_longer_than_the_idle_timeout_ends_and_its_cookie_is_cleared()
    {
        var session = await Server.SessionOfNewUserAsync("alice", SiteRoles.Operator);

        Server.Time.Advance(Idle + TimeSpan.FromSeconds(1));

        var expired = await MeAsync(session);
        await expired.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(string.Empty, AccessTestServer.SessionCookieOf(expired));
        Assert.Equal(0L, CountSessions("alice"));
    }

    [Fact]
    public async Task Requests_restart_the_idle_timeout()
    {
        var session = await Server.SessionOfNewUserAsync("alice", SiteRoles.Operator);
        var gap = Idle * 5 / 8;

        Server.Time.Advance(gap);
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(session)).StatusCode);
        Server.Time.Advance(gap);

        // Longer than the idle timeout since sign-in, but not since the last request.
        Assert.True(gap * 2 > Idle && gap * 2 < Lifetime);
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(session)).StatusCode);
    }

    [Fact]
    public async Task An_active_session_still_ends_at_its_absolute_lifetime()
    {
        var session = await Server.SessionOfNewUserAsync("alice", SiteRoles.Operator);
        var step = TimeSpan.FromHours(1);

        for (var elapsed = step; elapsed < Lifetime; elapsed += step)
        {
            Server.Time.Advance(step);
            Assert.True((await MeAsync(session)).StatusCode == HttpStatusCode.OK, $"The session ended after {elapsed} of activity.");
        }

        Server.Time.Advance(step);
        await (await MeAsync(session)).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Last_seen_is_written_at_most_once_a_minute()
    {
        var session = await Server.SessionOfNewUserAsync("alice", SiteRoles.Operator);
        var loggedIn = LastSeen();

        Server.Time.Advance(TimeSpan.FromSeconds(30));
        await MeAsync(session);
        Assert.Equal(loggedIn, LastSeen());
        Server.Time.Advance(TimeSpan.FromSeconds(31));
        await MeAsync(session);

        Assert.Equal(loggedIn + TimeSpan.FromSeconds(61).Ticks / TimeSpan.TicksPerMillisecond, LastSeen());
    }

    [Fact]
    public async Task Changing_ones_password_ends_the_other_sessions_and_keeps_this_one()
    {
        await Server.SeedUserAsync("alice", [SiteRoles.Operator]);
        var laptop = Credential.Session(await Server.LoginAsync("alice"));
        var phone = Credential.Session(await Server.LoginAsync("alice"));
        const string newPassword = "a much better passphrase";

        var changed = await Server.SendJsonAsync(
            HttpMethod.Post, "/api/auth/password", new { currentPassword = TestPasswords.Default, newPassword }, laptop);

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(laptop)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(phone)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Server.LoginResponseAsync("alice", TestPasswords.Default)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Server.LoginResponseAsync("alice", newPassword)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_current_password_is_401_and_changes_nothing()
    {
        var session = await Server.SessionOfNewUserAsync("alice", SiteRoles.Operator);

        var response = await Server.SendJsonAsync(
            HttpMethod.Post, "/api/auth/password", new { currentPassword = "wrong wrong wrong", newPassword = "a much better passphrase" }, session);

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await Server.LoginResponseAsync("alice", TestPasswords.Default)).StatusCode);
    }

    [Theory]
    [InlineData("short", "newPassword")]
    [InlineData("tab\tinside the password", "newPassword")]
    [InlineData(TestPasswords.Default, "newPassword")]
    public async Task An_unusable_new_password_is_400_naming_it(string newPassword, string field)
    {
        var session = await Server.SessionOfNewUserAsync("alice", SiteRoles.Operator);

        var errors = await (await Server.SendJsonAsync(
            HttpMethod.Post, "/api/auth/password", new { currentPassword = TestPasswords.Default, newPassword }, session)).ReadValidationErrorsAsync();

        Assert.True(errors.ContainsKey(field));
    }

    [Fact]
    public async Task An_api_key_has_no_password_to_change()
    {
        await Server.SeedUserAsync("alice", [SiteRoles.Admin]);
        var (_, secret) = await Server.SeedKeyAsync("alice", [SiteRoles.Operator]);

        var response = await Server.SendJsonAsync(
            HttpMethod.Post, "/api/auth/password", new { currentPassword = TestPasswords.Default, newPassword = "a much better passphrase" }, Credential.Key(secret));

        Assert.Contains("API keys have no password", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Title, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Server.LoginResponseAsync("alice", TestPasswords.Default)).StatusCode);
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_sessions_and_they_cannot_log_in()
    {
        var session = await Server.SessionOfNewUserAsync("alice", SiteRoles.Operator);
        var admin = await Server.LoginAsAdminAsync();

        var disabled = await (await Server.SendJsonAsync(HttpMethod.Put, "/api/users/alice", new { disabled = true }, admin)).ReadAsync<UserView>();

        Assert.True(disabled.Disabled);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(session)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Server.LoginResponseAsync("alice", TestPasswords.Default)).StatusCode);
        Assert.Equal(0L, CountSessions("alice"));
    }

    [Fact]
    public async Task A_password_set_by_an_admin_ends_the_users_sessions_and_must_be_changed()
    {
        var session = await Server.SessionOfNewUserAsync("alice", SiteRoles.Operator);
        var admin = await Server.LoginAsAdminAsync();
        const string reset = "temporary password 1";

        await (await Server.SendJsonAsync(HttpMethod.Put, "/api/users/alice", new { password = reset }, admin)).ReadAsync<UserView>();

        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(session)).StatusCode);
        var me = await (await Server.LoginResponseAsync("alice", reset)).ReadAsync<MeResponse>();
        Assert.True(me.MustChangePassword);
    }

    [Fact]
    public async Task An_admin_setting_their_own_password_as_a_user_update_keeps_this_session_and_ends_the_others()
    {
        var laptop = await Server.LoginAsAdminAsync();
        var phone = await Server.LoginAsAdminAsync();
        const string newPassword = "the admins own new password";

        var updated = await Server.SendJsonAsync(HttpMethod.Put, "/api/users/admin", new { password = newPassword }, laptop);

        await updated.ReadAsync<UserView>();
        var me = await (await MeAsync(laptop)).ReadAsync<MeResponse>();
        Assert.False(me.MustChangePassword);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(phone)).StatusCode);
        Assert.Equal(1L, CountSessions("admin"));
        Assert.Equal(HttpStatusCode.OK, (await Server.LoginResponseAsync("admin", newPassword)).StatusCode);
    }

    private Task<HttpResponseMessage> MeAsync(Credential session) => Server.SendAsync(HttpMethod.Get, "/api/auth/me", session);

    private long LastSeen()
    {
        using var connection = Server.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_seen_at FROM access_sessions";
        return (long)command.ExecuteScalar()!;
    }

    private long CountSessions(string user)
    {
        using var connection = Server.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM access_sessions WHERE user_name = $user";
        command.Parameters.AddWithValue("$user", user);
        return (long)command.ExecuteScalar()!;
    }
}
