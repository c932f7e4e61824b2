using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Access.Tests;

/// <summary>
/// Every audited action leaves a record (without passwords, secrets or unknown user names). When the trail cannot
/// write, granting or using access is refused with 503 and not done, while removing access is done anyway and
/// the failure logged at Critical.
/// </summary>
public sealed class AuditTests : AccessServerTest
{
    private const string ClientAddress = "192.0.2.44";

    [Fact]
    public async Task Each_audited_action_is_recorded_with_actor_target_outcome_and_address()
    {
        var admin = Credential.Session(await Server.LoginAsync("admin", Server.AdminPassword, ClientAddress));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Server.LoginResponseAsync("mallory", "guessing a password", ClientAddress)).StatusCode);
        await (await Server.SendAsync(HttpMethod.Post, "/api/users", admin, """{ "name": "bob", "password": "bobs first password", "roles": ["operator"] }""", clientAddress: ClientAddress)).ReadAsync<UserView>(HttpStatusCode.Created);
        await (await Server.SendAsync(HttpMethod.Put, "/api/users/bob", admin, """{ "roles": ["ml"], "password": "bobs second password" }""", clientAddress: ClientAddress)).ReadAsync<UserView>();
        var key = await (await Server.SendAsync(HttpMethod.Post, "/api/keys", admin, """{ "name": "bridge", "roles": ["operator"] }""", clientAddress: ClientAddress)).ReadAsync<CreatedKey>(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Forbidden, (await Server.SendAsync(HttpMethod.Get, "/test/ml", Credential.Key(key.Secret), clientAddress: ClientAddress)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Server.SendAsync(HttpMethod.Delete, $"/api/keys/{key.Key.Id}", admin, clientAddress: ClientAddress)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Server.SendAsync(HttpMethod.Delete, "/api/users/bob", admin, clientAddress: ClientAddress)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Server.SendAsync(HttpMethod.Post, "/api/auth/logout", admin, clientAddress: ClientAddress)).StatusCode);

        var records = Server.Audit.Records.Where(record => record.ActorId != "system").ToArray();

        Assert.Equal(
            [AuditActions.LoggedIn, AuditActions.LoginFailed, AuditActions.UserCreated, AuditActions.UserUpdated, AuditActions.KeyCreated,
                AuditActions.AccessDenied, AuditActions.KeyRevoked, AuditActions.UserDeleted, AuditActions.LoggedOut],
            records.Select(record => record.Action));
        Assert.All(records, record => Assert.Equal(ClientAddress, record.ClientAddress));
        Assert.Equal(("user:admin", "admin", AuditOutcome.Succeeded), Describe(records[0]));
        Assert.Equal(("anonymous", "(unknown user)", AuditOutcome.Refused), Describe(records[1]));
        Assert.Equal("unknown-user", records[1].Detail["reason"]);
        Assert.Matches("^[0-9a-f]{16}$", records[1].Detail["nameHash"]);
        Assert.Equal(("user:admin", "bob", AuditOutcome.Succeeded), Describe(records[2]));
        Assert.Equal("operator", records[2].Detail["roles"]);
        Assert.Equal(("ml", "changed"), (records[3].Detail["roles"], records[3].Detail["password"]));
        Assert.Equal(("user:admin", key.Key.Id, AuditOutcome.Succeeded), Describe(records[4]));
        Assert.Equal(($"key:{key.Key.Id}", "/test/ml", AuditOutcome.Refused), Describe(records[5]));
        Assert.Equal(("ml", "GET"), (records[5].Detail["policy"], records[5].Detail["method"]));
        Assert.Contains("role ml", records[5].Detail["missing"], StringComparison.Ordinal);
        Assert.Equal(key.Key.Id, records[6].Target);
        Assert.Equal("bob", records[7].Target);
        Assert.Equal(("user:admin", "admin", AuditOutcome.Succeeded), Describe(records[8]));

        var everything = JsonSerializer.Serialize(Server.Audit.Records);
        foreach (var secret in new[] { Server.AdminPassword, "guessing a password", "bobs first password", "bobs second password", key.Secret, key.Secret[17..], "mallory" })
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_password_change_and_a_wrong_password_are_recorded_without_the_password()
    {
        var session = await Server.SessionOfNewUserAsync("alice", SiteRoles.Operator);
        await Server.LoginResponseAsync("alice", "alices wrong guess");
        await Server.SendJsonAsync(HttpMethod.Post, "/api/auth/password", new { currentPassword = "another wrong one", newPassword = "a new password here" }, session);
        await Server.SendJsonAsync(HttpMethod.Post, "/api/auth/password", new { currentPassword = TestPasswords.Default, newPassword = "a new password here" }, session);

        Assert.Equal("wrong-password", Assert.Single(Server.Audit.Of(AuditActions.LoginFailed)).Detail["reason"]);
        var updates = Server.Audit.Of(AuditActions.UserUpdated);
        Assert.Equal([AuditOutcome.Refused, AuditOutcome.Succeeded], updates.Select(record => record.Outcome));
        var everything = JsonSerializer.Serialize(Server.Audit.Records);
        foreach (var secret in new[] { TestPasswords.Default, "alices wrong guess", "another wrong one", "a new password here" })
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_trail_fails_a_login_is_503_and_starts_no_session()
    {
        await Server.SeedUserAsync("alice", [SiteRoles.Operator]);
        Server.Audit.Failing = true;

        var response = await Server.LoginResponseAsync("alice", TestPasswords.Default);

        Assert.Contains("audit trail", (await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable)).Title, StringComparison.Ordinal);
        Assert.Null(AccessTestServer.SetCookieOf(response));
        Assert.Equal(0L, Count("access_sessions"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Server.LoginResponseAsync("alice", "wrong password here")).StatusCode);
    }

    [Fact]
    public async Task When_the_trail_fails_user_changes_that_grant_access_are_503_and_not_made()
    {
        await Server.SeedUserAsync("bob", [SiteRoles.Operator], cameras: ["gate-a"]);
        await Server.SeedUserAsync("dora", [SiteRoles.Operator], disabled: true);
        var admin = await Server.LoginAsAdminAsync();
        Server.Audit.Failing = true;

        await (await Server.SendAsync(HttpMethod.Post, "/api/users", admin, """{ "name": "carl", "password": "carls first password", "roles": ["ml"] }""")).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        foreach (var widening in new[]
        {
            """{ "roles": ["operator", "ml"] }""",
            """{ "cameras": null }""",
            """{ "cameras": ["gate-a", "gate-b"] }""",
            """{ "password": "bobs new password" }""",
            // A narrowing that comes with a widening grants something: fail closed as a whole.
            """{ "roles": ["ml"], "disabled": true }""",
        })
        {
            await (await Server.SendAsync(HttpMethod.Put, "/api/users/bob", admin, widening)).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        }

        await (await Server.SendAsync(HttpMethod.Put, "/api/users/dora", admin, """{ "disabled": false }""")).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);

        var store = Server.Service<UserStore>();
        Assert.Null(await store.FindAsync("carl", Token));
        var bob = (await store.FindAsync("bob", Token))!;
        Assert.Equal([SiteRoles.Operator], bob.Roles);
        Assert.Equal(["gate-a"], bob.Cameras);
        Assert.False(bob.Disabled);
        Assert.Equal(TestPasswords.HashOf(TestPasswords.Default), bob.PasswordHash);
        Assert.True((await store.FindAsync("dora", Token))!.Disabled);
        Assert.DoesNotContain(Server.Logs.Entries, entry => entry.Level == LogLevel.Critical);
    }

    [Fact]
    public async Task When_the_trail_fails_removing_access_from_users_is_done_and_logged_as_critical()
    {
        await Server.SeedUserAsync("bob", [SiteRoles.Operator, SiteRoles.Ml], cameras: ["gate-a", "gate-b"]);
        await Server.SeedUserAsync("eve", [SiteRoles.Operator]);
        await Server.SeedUserAsync("finn", [SiteRoles.Operator]);
        var eve = Credential.Session(await Server.LoginAsync("eve"));
        var admin = await Server.LoginAsAdminAsync();
        Server.Audit.Failing = true;

        var narrower = await (await Server.SendAsync(HttpMethod.Put, "/api/users/bob", admin, """{ "roles": ["ml"], "cameras": ["gate-b"] }""")).ReadAsync<UserView>();
        var noCameras = await (await Server.SendAsync(HttpMethod.Put, "/api/users/bob", admin, """{ "cameras": [] }""")).ReadAsync<UserView>();
        var disabled = await (await Server.SendAsync(HttpMethod.Put, "/api/users/eve", admin, """{ "disabled": true }""")).ReadAsync<UserView>();
        var deleted = await Server.SendAsync(HttpMethod.Delete, "/api/users/finn", admin);

        Assert.Equal([SiteRoles.Ml], narrower.Roles);
        Assert.Equal(["gate-b"], narrower.Cameras);
        Assert.Equal([], noCameras.Cameras);
        Assert.True(disabled.Disabled);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Server.SendAsync(HttpMethod.Get, "/api/auth/me", eve)).StatusCode);
        Assert.Null(await Server.Service<UserStore>().FindAsync("finn", Token));
        var critical = Server.Logs.Entries.Where(entry => entry.Level == LogLevel.Critical).ToArray();
        Assert.Equal(
            [AuditActions.UserUpdated, AuditActions.UserUpdated, AuditActions.UserUpdated, AuditActions.UserDeleted],
            critical.Select(entry => entry.Values["Action"]));
        Assert.All(critical, entry => Assert.IsType<IOException>(entry.Exception));
        Assert.Contains("removed anyway", critical[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removal_that_turns_out_to_grant_is_refused_by_the_store_when_unrecorded()
    {
        // What the endpoint read was narrower than the request; another administrator narrowed the user further
        // in between: against the row as stored now the change grants, so unrecorded it must not be made.
        await Server.SeedUserAsync("bob", [SiteRoles.Operator]);
        var store = Server.Service<UserStore>();

        var (refused, _) = await store.UpdateAsync("bob", new UserChange(Roles: [SiteRoles.Operator, SiteRoles.Ml]), Token, onlyIfGrantsNothing: true);
        var (narrowed, _) = await store.UpdateAsync("bob", new UserChange(CamerasGiven: true, Cameras: ["gate-a"]), Token, onlyIfGrantsNothing: true);

        Assert.Equal(UserChangeOutcome.WouldGrant, refused);
        Assert.Equal(UserChangeOutcome.Done, narrowed);
        var bob = (await store.FindAsync("bob", Token))!;
        Assert.Equal([SiteRoles.Operator], bob.Roles);
        Assert.Equal(["gate-a"], bob.Cameras);
    }

    [Fact]
    public async Task When_the_trail_fails_key_creation_and_password_changes_are_503_and_not_made()
    {
        var admin = await Server.LoginAsAdminAsync();
        Server.Audit.Failing = true;

        await (await Server.SendAsync(HttpMethod.Post, "/api/keys", admin, """{ "name": "second", "roles": ["operator"] }""")).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        await (await Server.SendJsonAsync(HttpMethod.Post, "/api/auth/password", new { currentPassword = Server.AdminPassword, newPassword = "a new admin password" }, admin))
            .ReadProblemAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(0L, Count("access_api_keys"));
        Server.Audit.Failing = false;
        Assert.Equal(HttpStatusCode.OK, (await Server.LoginResponseAsync("admin", Server.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task When_the_trail_fails_key_revocation_and_logout_are_done_and_logged_as_critical()
    {
        var admin = await Server.LoginAsAdminAsync();
        var key = await (await Server.SendAsync(HttpMethod.Post, "/api/keys", admin, """{ "name": "bridge", "roles": ["operator"] }""")).ReadAsync<CreatedKey>(HttpStatusCode.Created);
        Server.Audit.Failing = true;

        var revoked = await Server.SendAsync(HttpMethod.Delete, $"/api/keys/{key.Key.Id}", admin);
        var loggedOut = await Server.SendAsync(HttpMethod.Post, "/api/auth/logout", admin);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, loggedOut.StatusCode);
        Assert.Equal(string.Empty, AccessTestServer.SessionCookieOf(loggedOut));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Server.SendAsync(HttpMethod.Get, "/test/operator", Credential.Key(key.Secret))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Server.SendAsync(HttpMethod.Get, "/api/auth/me", admin)).StatusCode);
        Assert.Equal(0L, Count("access_sessions"));
        var critical = Server.Logs.Entries.Where(entry => entry.Level == LogLevel.Critical).ToArray();
        Assert.Equal([AuditActions.KeyRevoked, AuditActions.LoggedOut], critical.Select(entry => entry.Values["Action"]));
        Assert.Equal(key.Key.Id, critical[0].Values["Target"]);
    }

    [Fact]
    public async Task When_the_trail_fails_a_forbidden_request_is_503()
    {
        var session = await Server.SessionOfNewUserAsync("alice", SiteRoles.Operator);
        Server.Audit.Failing = true;

        await (await Server.SendAsync(HttpMethod.Get, "/test/admin", session)).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        // Allowed requests do not write to the trail here, so they are unaffected.
        Assert.Equal(HttpStatusCode.OK, (await Server.SendAsync(HttpMethod.Get, "/test/operator", session)).StatusCode);
    }

    [Fact]
    public async Task A_refused_login_names_the_action_in_a_warning_and_logs_nothing_critical()
    {
        await Server.SeedUserAsync("alice", [SiteRoles.Operator]);
        Server.Audit.Failing = true;

        await Server.LoginResponseAsync("alice", TestPasswords.Default);

        // Refusing to grant is the safe side: a Warning (the real trail logs its own failure as an Error).
        var warning = Assert.Single(Server.Logs.Entries, entry => entry.Level == LogLevel.Warning && entry.Category.EndsWith("RequestAudit", StringComparison.Ordinal));
        Assert.Contains(AuditActions.LoggedIn, warning.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(warning.Exception);
        Assert.DoesNotContain(Server.Logs.Entries, entry => entry.Level == LogLevel.Critical);
    }

    private static (string ActorId, string? Target, AuditOutcome Outcome) Describe(AuditRecord record) => (record.ActorId, record.Target, record.Outcome);

    private long Count(string table)
    {
        using var connection = Server.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
