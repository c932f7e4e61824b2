using System.Net;
using Microsoft.Data.Sqlite;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Access.Tests;

/// <summary>
/// A change is recorded before it is made; when it then does not happen (another administrator's change landed in
/// between, the database refused it), a compensating record follows, naming the action and why, so the trail never
/// shows a change as done that was not. The trail double's hook plays the other administrator at the moment the
/// first record is written.
/// </summary>
public sealed class CompensatingRecordTests : AccessServerTest
{
    [Fact]
    public async Task A_disable_refused_by_the_store_as_the_last_admin_is_compensated()
    {
        await Server.SeedUserAsync("carol", [SiteRoles.Admin]);
        var carol = Credential.Session(await Server.LoginAsync("carol"));
        Server.Audit.AfterRecord = async record =>
        {
            if (record.Action != AuditActions.UserUpdated)
                return false;
            // Meanwhile carol herself is disabled by the other administrator: "admin" becomes the last one.
            Assert.Equal(UserChangeOutcome.Done, (await Server.Service<UserStore>().UpdateAsync("carol", new UserChange(Disabled: true), Token)).Outcome);
            return true;
        };

        var response = await Server.SendAsync(HttpMethod.Put, "/api/users/admin", carol, """{ "disabled": true }""");

        Assert.Contains("last enabled administrator", (await response.ReadProblemAsync(HttpStatusCode.Conflict)).Title, StringComparison.Ordinal);
        Assert.True((await Server.Service<UserStore>().FindAsync("admin", Token))!.IsEnabledAdmin);
        var (done, undone) = Pair(AuditActions.UserUpdated);
        Assert.Equal((AuditOutcome.Succeeded, "true"), (done.Outcome, done.Detail["disabled"]));
        Assert.Equal((AuditOutcome.Refused, "last-admin", "admin", "user:carol"), (undone.Outcome, undone.Detail["reason"], undone.Target, undone.ActorId));
    }

    [Fact]
    public async Task A_delete_of_a_user_deleted_meanwhile_is_404_and_compensated()
    {
        await Server.SeedUserAsync("bob", [SiteRoles.Operator]);
        var admin = await Server.LoginAsAdminAsync();
        Server.Audit.AfterRecord = async record =>
        {
            if (record.Action != AuditActions.UserDeleted)
                return false;
            Assert.Equal(UserChangeOutcome.Done, await Server.Service<UserStore>().DeleteAsync("bob", Server.Time.GetUtcNow(), Token));
            return true;
        };

        var response = await Server.SendAsync(HttpMethod.Delete, "/api/users/bob", admin);

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
        var (done, undone) = Pair(AuditActions.UserDeleted);
        Assert.Equal(AuditOutcome.Succeeded, done.Outcome);
        Assert.Equal((AuditOutcome.Refused, "not-found", "bob"), (undone.Outcome, undone.Detail["reason"], undone.Target));
    }

    [Fact]
    public async Task An_update_of_a_user_deleted_meanwhile_is_404_and_compensated()
    {
        await Server.SeedUserAsync("bob", [SiteRoles.Operator]);
        var admin = await Server.LoginAsAdminAsync();
        Server.Audit.AfterRecord = async record =>
        {
            if (record.Action != AuditActions.UserUpdated)
                return false;
            await Server.Service<UserStore>().DeleteAsync("bob", Server.Time.GetUtcNow(), Token);
            return true;
        };

        var response = await Server.SendAsync(HttpMethod.Put, "/api/users/bob", admin, """{ "roles": ["ml"] }""");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
        var (_, undone) = Pair(AuditActions.UserUpdated);
        Assert.Equal((AuditOutcome.Refused, "not-found", "ml"), (undone.Outcome, undone.Detail["reason"], undone.Detail["roles"]));
    }

    [Fact]
    public async Task A_revocation_of_a_key_gone_meanwhile_is_404_and_compensated()
    {
        var admin = await Server.LoginAsAdminAsync();
        var key = await (await Server.SendAsync(HttpMethod.Post, "/api/keys", admin, """{ "name": "bridge", "roles": ["operator"] }""")).ReadAsync<CreatedKey>(HttpStatusCode.Created);
        Server.Audit.AfterRecord = record =>
        {
            if (record.Action != AuditActions.KeyRevoked)
                return Task.FromResult(false);
            using var connection = Server.Database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM access_api_keys";
            command.ExecuteNonQuery();
            return Task.FromResult(true);
        };

        var response = await Server.SendAsync(HttpMethod.Delete, $"/api/keys/{key.Key.Id}", admin);

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
        var (done, undone) = Pair(AuditActions.KeyRevoked);
        Assert.Equal((AuditOutcome.Succeeded, key.Key.Id), (done.Outcome, done.Target));
        Assert.Equal((AuditOutcome.Refused, "not-found", "bridge"), (undone.Outcome, undone.Detail["reason"], undone.Detail["name"]));
    }

    [Fact]
    public async Task A_user_created_meanwhile_by_another_admin_is_409_and_compensated()
    {
        var admin = await Server.LoginAsAdminAsync();
        Server.Audit.AfterRecord = async record =>
        {
            if (record.Action != AuditActions.UserCreated || record.ActorId != "user:admin")
                return false;
            await Server.SeedUserAsync("bob", [SiteRoles.Ml]);
            return true;
        };

        var response = await Server.SendAsync(HttpMethod.Post, "/api/users", admin, """{ "name": "bob", "password": "bobs first password", "roles": ["operator"] }""");

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
        var (_, undone) = Pair(AuditActions.UserCreated);
        Assert.Equal((AuditOutcome.Refused, "exists"), (undone.Outcome, undone.Detail["reason"]));
        Assert.Equal([SiteRoles.Ml], (await Server.Service<UserStore>().FindAsync("bob", Token))!.Roles);
    }

    [Fact]
    public async Task A_login_whose_session_cannot_be_started_is_compensated_as_failed()
    {
        await Server.SeedUserAsync("alice", [SiteRoles.Operator]);
        Server.Audit.AfterRecord = async record =>
        {
            if (record.Action != AuditActions.LoggedIn)
                return false;
            // Deleted by an administrator between the password check and the session: the session's insert fails.
            await Server.Service<UserStore>().DeleteAsync("alice", Server.Time.GetUtcNow(), Token);
            return true;
        };

        var error = await Assert.ThrowsAsync<SqliteException>(() => Server.LoginResponseAsync("alice", TestPasswords.Default));

        Assert.Contains("FOREIGN KEY", error.Message, StringComparison.Ordinal);
        var (done, undone) = Pair(AuditActions.LoggedIn);
        Assert.Equal((AuditOutcome.Succeeded, "alice"), (done.Outcome, done.Target));
        Assert.Equal((AuditOutcome.Failed, "error: SqliteException", AuditActions.LoggedIn), (undone.Outcome, undone.Detail["reason"], undone.Detail[AccessAudit.Compensates]));
        using var connection = Server.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM access_sessions";
        Assert.Equal(0L, (long)command.ExecuteScalar()!);
    }

    [Fact]
    public async Task A_compensating_record_that_cannot_be_written_is_logged_as_critical()
    {
        await Server.SeedUserAsync("bob", [SiteRoles.Operator]);
        var admin = await Server.LoginAsAdminAsync();
        Server.Audit.AfterRecord = async record =>
        {
            if (record.Action != AuditActions.UserDeleted)
                return false;
            await Server.Service<UserStore>().DeleteAsync("bob", Server.Time.GetUtcNow(), Token);
            Server.Audit.Failing = true;
            return true;
        };

        await (await Server.SendAsync(HttpMethod.Delete, "/api/users/bob", admin)).ReadProblemAsync(HttpStatusCode.NotFound);

        var critical = Assert.Single(Server.Logs.Entries, entry => entry.Level == Microsoft.Extensions.Logging.LogLevel.Critical);
        Assert.Equal((AuditActions.UserDeleted, "not-found"), (critical.Values["Action"], critical.Values["Reason"]));
    }

    /// <summary>The one record of the action, and the compensating one that follows it.</summary>
    private (AuditRecord Done, AuditRecord Undone) Pair(string action)
    {
        var records = Server.Audit.Of(action).Where(record => record.ActorId != "system").ToArray();
        Assert.Equal(2, records.Length);
        Assert.False(records[0].Detail.ContainsKey(AccessAudit.Compensates));
        Assert.Equal(action, records[1].Detail[AccessAudit.Compensates]);
        return (records[0], records[1]);
    }
}
