using System.Net;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Access.Tests;

/// <summary>The user administration: create, list, update, delete, and the rules that keep an administrator.</summary>
public sealed class UserAdminTests : AccessServerTest
{
    [Fact]
    public async Task A_created_user_is_listed_and_logs_in_needing_a_new_password()
    {
        var admin = await Server.LoginAsAdminAsync();

        var response = await Server.SendJsonAsync(
            HttpMethod.Post, "/api/users", new { name = "bob", password = "initial password 1", roles = new[] { "ml", "operator" }, cameras = new[] { "gate-b", "gate-a", "gate-a" } }, admin);

        var created = await response.ReadAsync<UserView>(HttpStatusCode.Created);
        Assert.Equal("/api/users/bob", response.Headers.Location?.OriginalString);
        Assert.Equal([SiteRoles.Operator, SiteRoles.Ml], created.Roles);
        Assert.Equal(["gate-a", "gate-b"], created.Cameras);
        Assert.Equal((false, Server.Time.GetUtcNow(), (DateTimeOffset?)null), (created.Disabled, created.CreatedAt, created.LastLoginAt));
        var listed = await (await Server.SendAsync(HttpMethod.Get, "/api/users", admin)).ReadAsync<UserView[]>();
        Assert.Equal(["admin", "bob"], listed.Select(user => user.Name));
        Assert.DoesNotContain("password", await (await Server.SendAsync(HttpMethod.Get, "/api/users", admin)).ReadTextAsync(), StringComparison.OrdinalIgnoreCase);
        var me = await (await Server.LoginResponseAsync("bob", "initial password 1")).ReadAsync<MeResponse>();
        Assert.True(me.MustChangePassword);
    }

    [Fact]
    public async Task A_duplicate_user_is_409()
    {
        await Server.SeedUserAsync("bob", [SiteRoles.Operator]);
        var admin = await Server.LoginAsAdminAsync();

        var response = await Server.SendJsonAsync(HttpMethod.Post, "/api/users", new { name = "bob", password = "initial password 1", roles = new[] { "ml" } }, admin);

        Assert.Contains("bob", (await response.ReadProblemAsync(HttpStatusCode.Conflict)).Title, StringComparison.Ordinal);
        Assert.Equal([SiteRoles.Operator], (await Server.Service<UserStore>().FindAsync("bob", Token))!.Roles);
    }

    [Fact]
    public async Task An_update_changes_only_the_fields_given_and_absent_cameras_differ_from_null()
    {
        await Server.SeedUserAsync("bob", [SiteRoles.Operator], cameras: ["gate-a"]);
        var admin = await Server.LoginAsAdminAsync();

        var rolesOnly = await (await Server.SendAsync(HttpMethod.Put, "/api/users/bob", admin, """{ "roles": ["integrator"] }""")).ReadAsync<UserView>();
        var allCameras = await (await Server.SendAsync(HttpMethod.Put, "/api/users/bob", admin, """{ "cameras": null }""")).ReadAsync<UserView>();
        var noCameras = await (await Server.SendAsync(HttpMethod.Put, "/api/users/bob", admin, """{ "cameras": [] }""")).ReadAsync<UserView>();

        Assert.Equal([SiteRoles.Integrator], rolesOnly.Roles);
        Assert.Equal(["gate-a"], rolesOnly.Cameras);
        Assert.Null(allCameras.Cameras);
        Assert.Equal([SiteRoles.Integrator], allCameras.Roles);
        Assert.Equal([], noCameras.Cameras);
    }

    [Fact]
    public async Task An_empty_update_is_400_and_an_unknown_user_404()
    {
        var admin = await Server.LoginAsAdminAsync();

        Assert.True((await (await Server.SendAsync(HttpMethod.Put, "/api/users/admin", admin, "{}")).ReadValidationErrorsAsync()).ContainsKey("body"));
        await (await Server.SendAsync(HttpMethod.Put, "/api/users/nobody", admin, """{ "disabled": true }""")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await Server.SendAsync(HttpMethod.Delete, "/api/users/nobody", admin)).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_deleted_user_loses_their_sessions_and_cannot_log_in()
    {
        var session = await Server.SessionOfNewUserAsync("bob", SiteRoles.Operator);
        var admin = await Server.LoginAsAdminAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await Server.SendAsync(HttpMethod.Delete, "/api/users/bob", admin)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Server.SendAsync(HttpMethod.Get, "/api/auth/me", session)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Server.LoginResponseAsync("bob", TestPasswords.Default)).StatusCode);
        Assert.Null(await Server.Service<UserStore>().FindAsync("bob", Token));
    }

    [Theory]
    [InlineData("DELETE", null)]
    [InlineData("PUT", """{ "disabled": true }""")]
    [InlineData("PUT", """{ "roles": ["operator"] }""")]
    public async Task Nobody_can_delete_disable_or_demote_themselves(string method, string? body)
    {
        await Server.SeedUserAsync("carol", [SiteRoles.Admin]);
        var carol = Credential.Session(await Server.LoginAsync("carol"));

        var response = await Server.SendAsync(new HttpMethod(method), "/api/users/carol", carol, body);

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.True((await Server.Service<UserStore>().FindAsync("carol", Token))!.IsEnabledAdmin);
    }

    [Theory]
    [InlineData("DELETE", null)]
    [InlineData("PUT", """{ "disabled": true }""")]
    [InlineData("PUT", """{ "roles": ["operator", "ml"] }""")]
    public async Task An_admin_key_whose_owner_is_no_administrator_cannot_touch_users(string method, string? body)
    {
        // The key was given the admin role, but its owner does not hold it (any more): the key does not either.
        await Server.SeedUserAsync("dave", [SiteRoles.Operator]);
        var (_, secret) = await Server.SeedKeyAsync("dave", [SiteRoles.Admin]);

        var response = await Server.SendAsync(new HttpMethod(method), "/api/users/admin", Credential.Key(secret), body);

        Assert.Contains("role admin", (await response.ReadProblemAsync(HttpStatusCode.Forbidden)).Detail, StringComparison.Ordinal);
        Assert.True((await Server.Service<UserStore>().FindAsync("admin", Token))!.IsEnabledAdmin);
    }

    [Fact]
    public async Task An_admin_can_be_demoted_while_another_enabled_admin_remains()
    {
        await Server.SeedUserAsync("carol", [SiteRoles.Admin]);
        var carol = Credential.Session(await Server.LoginAsync("carol"));

        var demoted = await (await Server.SendAsync(HttpMethod.Put, "/api/users/admin", carol, """{ "roles": ["operator"] }""")).ReadAsync<UserView>();
        var deleteLast = await Server.SendAsync(HttpMethod.Delete, "/api/users/carol", await Server.LoginAsAdminAsync());

        Assert.Equal([SiteRoles.Operator], demoted.Roles);
        // "admin" is no administrator now, so it cannot act on users at all.
        Assert.Equal(HttpStatusCode.Forbidden, deleteLast.StatusCode);
    }

    [Fact]
    public async Task The_last_admin_rule_holds_inside_the_store_too()
    {
        var store = Server.Service<UserStore>();

        var (outcome, _) = await store.UpdateAsync("admin", new UserChange(Disabled: true), Token);
        var deleted = await store.DeleteAsync("admin", Server.Time.GetUtcNow(), Token);

        Assert.Equal(UserChangeOutcome.LastAdmin, outcome);
        Assert.Equal(UserChangeOutcome.LastAdmin, deleted);
    }

    [Fact]
    public async Task Non_admins_are_refused_the_user_and_key_administration()
    {
        var operatorSession = await Server.SessionOfNewUserAsync("erin", SiteRoles.Operator, SiteRoles.Integrator, SiteRoles.Ml);

        foreach (var (method, path) in new[] { ("GET", "/api/users"), ("POST", "/api/users"), ("PUT", "/api/users/admin"), ("DELETE", "/api/users/admin"), ("GET", "/api/keys"), ("POST", "/api/keys"), ("DELETE", "/api/keys/abcdefghijkm") })
        {
            var response = await Server.SendAsync(new HttpMethod(method), path, operatorSession, method is "POST" or "PUT" ? """{ "disabled": true }""" : null);
            await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.True((await Server.Service<UserStore>().FindAsync("admin", Token))!.IsEnabledAdmin);
    }
}
