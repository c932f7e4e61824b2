using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Access.Tests;

/// <summary>The first start creates "admin" with every role and shows its credential once; later starts over the same database do nothing.</summary>
public sealed class AdminBootstrapTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task The_first_start_shows_a_generated_password_once_which_logs_in_and_must_be_changed()
    {
        string password;
        await using (var first = await AccessTestServer.StartAsync(_directory))
        {
            var credential = Assert.Single(first.Credentials.Written);
            password = credential.GeneratedPassword!;
            Assert.Equal("admin", credential.UserName);
            Assert.Matches("^[a-km-zA-HJ-NP-Z2-9]{6}(-[a-km-zA-HJ-NP-Z2-9]{6}){3}$", password);

            var me = await (await first.LoginResponseAsync("admin", password)).ReadAsync<MeResponse>();
            Assert.Equal(SiteRoles.All, me.Roles);
            Assert.Null(me.Cameras);
            Assert.True(me.MustChangePassword);

            var warning = Assert.Single(first.Logs.Entries, entry => entry.Category.EndsWith(nameof(AdminBootstrap), StringComparison.Ordinal));
            Assert.Equal(LogLevel.Warning, warning.Level);
            Assert.Contains("admin", warning.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(first.Logs.Entries, entry => entry.Message.Contains(password, StringComparison.Ordinal));
            var created = Assert.Single(first.Audit.Of(AuditActions.UserCreated));
            Assert.Equal(("system", "admin"), (created.ActorId, created.Target));
        }

        await using var second = await AccessTestServer.StartAsync(_directory);

        Assert.Empty(second.Credentials.Written);
        Assert.DoesNotContain(second.Logs.Entries, entry => entry.Category.EndsWith(nameof(AdminBootstrap), StringComparison.Ordinal));
        Assert.Empty(second.Audit.Records);
        Assert.Equal(HttpStatusCode.OK, (await second.LoginResponseAsync("admin", password)).StatusCode);
    }

    [Fact]
    public async Task A_configured_password_is_used_and_not_shown()
    {
        const string configured = "site-admin password 2026";

        await using var server = await AccessTestServer.StartAsync(_directory, new Dictionary<string, string?> { ["Access:BootstrapAdminPassword"] = configured });

        var credential = Assert.Single(server.Credentials.Written);
        Assert.Null(credential.GeneratedPassword);
        var me = await (await server.LoginResponseAsync("admin", configured)).ReadAsync<MeResponse>();
        Assert.False(me.MustChangePassword);
        Assert.DoesNotContain(server.Logs.Entries, entry => entry.Message.Contains(configured, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_too_short_configured_password_stops_the_start_with_a_clear_message()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => AccessTestServer.StartAsync(_directory, new Dictionary<string, string?> { ["Access:BootstrapAdminPassword"] = "admin" }));

        Assert.Contains("BootstrapAdminPassword", error.Message, StringComparison.Ordinal);
        Assert.Contains("at least 12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_audit_trail_cannot_record_it_no_admin_is_created_and_the_start_fails()
    {
        var audit = new RecordingAuditTrailForTests { Failing = true };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AccessTestServer.StartAsync(_directory, audit: audit));

        Assert.Contains("audit trail", error.Message, StringComparison.Ordinal);
        await using var later = await AccessTestServer.StartAsync(_directory);
        Assert.Single(later.Credentials.Written);
    }

    [Fact]
    public void The_console_writer_frames_the_credential_and_says_it_is_shown_once()
    {
        using var output = new StringWriter();

        new ConsoleBootstrapCredentialWriter(output).Write(new BootstrapAdminCredential("admin", "abcdef-ghijkm-npqrst-uvwxyz"));

        var text = output.ToString();
        Assert.Contains("user: admin / password: abcdef-ghijkm-npqrst-uvwxyz", text, StringComparison.Ordinal);
        Assert.Contains("shown once", text, StringComparison.Ordinal);
        Assert.Contains("change it under Admin", text, StringComparison.Ordinal);
        Assert.Contains(new string('=', 72), text, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdef", new BootstrapAdminCredential("admin", "abcdef-ghijkm-npqrst-uvwxyz").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_at_start_gives_a_disabled_and_demoted_admin_a_new_password_all_roles_and_ends_its_sessions()
    {
        string oldPassword;
        string oldSession;
        await using (var first = await AccessTestServer.StartAsync(_directory))
        {
            oldPassword = first.AdminPassword;
            oldSession = await first.LoginAsync("admin", oldPassword);
            await first.SeedUserAsync("second-admin", [SiteRoles.Admin]);
            var other = Credential.Session(await first.LoginAsync("second-admin"));
            var demote = System.Text.Json.JsonSerializer.Serialize(new { roles = new[] { SiteRoles.Operator }, cameras = new[] { "lobby" }, disabled = true });
            Assert.Equal(HttpStatusCode.OK, (await first.SendAsync(HttpMethod.Put, "/api/users/admin", other, demote)).StatusCode);
        }

        await using var reset = await AccessTestServer.StartAsync(_directory, new Dictionary<string, string?> { ["Access:ResetAdminPassword"] = "true" });

        var credential = Assert.Single(reset.Credentials.Written);
        Assert.NotEqual(oldPassword, credential.GeneratedPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, (await reset.LoginResponseAsync("admin", oldPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await reset.SendAsync(HttpMethod.Get, "/api/auth/me", Credential.Session(oldSession))).StatusCode);
        var me = await (await reset.LoginResponseAsync("admin", credential.GeneratedPassword!)).ReadAsync<MeResponse>();
        Assert.Equal(SiteRoles.All, me.Roles);
        Assert.Null(me.Cameras);
        Assert.True(me.MustChangePassword);
        var audited = Assert.Single(reset.Audit.Of(AuditActions.UserUpdated));
        Assert.Equal(("system", "admin"), (audited.ActorId, audited.Target));
        Assert.DoesNotContain(reset.Logs.Entries, entry => entry.Message.Contains(credential.GeneratedPassword!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reset_at_start_recreates_a_deleted_admin()
    {
        await using (var first = await AccessTestServer.StartAsync(_directory))
        {
            await first.SeedUserAsync("second-admin", [SiteRoles.Admin]);
            var other = Credential.Session(await first.LoginAsync("second-admin"));
            Assert.Equal(HttpStatusCode.NoContent, (await first.SendAsync(HttpMethod.Delete, "/api/users/admin", other)).StatusCode);
        }

        await using var reset = await AccessTestServer.StartAsync(_directory, new Dictionary<string, string?> { ["Access:ResetAdminPassword"] = "true" });

        var password = Assert.Single(reset.Credentials.Written).GeneratedPassword!;
        Assert.Equal(HttpStatusCode.OK, (await reset.LoginResponseAsync("admin", password)).StatusCode);
    }

    [Fact]
    public void Generated_passwords_differ_and_are_long_enough()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => ReadablePasswords.New()).ToArray();

        Assert.Equal(50, passwords.Distinct(StringComparer.Ordinal).Count());
        Assert.All(passwords, password => Assert.True(password.Count(char.IsAsciiLetterOrDigit) >= 20));
        Assert.All(passwords, password => Assert.Null(PasswordRules.Check(password)));
    }

    public void Dispose() => _directory.Dispose();
}
