using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Contracts.Audit;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Access;

/// <summary>
/// At start, when there are no users, creates <c>admin</c> with every role: with
/// <see cref="AccessOptions.BootstrapAdminPassword"/> when set, else with a generated password that must
/// be changed, shown once through <see cref="IBootstrapCredentialWriter"/>. Later starts do nothing, unless
/// <see cref="AccessOptions.ResetAdminPassword"/> asks for a new admin password (a lost one). The creation
/// or reset is audited first; when the audit trail cannot record it the start fails (fail closed).
/// </summary>
internal sealed partial class AdminBootstrap(
    UserStore users,
    PasswordHasher passwords,
    IBootstrapCredentialWriter writer,
    RequestAudit audit,
    IOptions<AccessOptions> options,
    TimeProvider time,
    ILogger<AdminBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await users.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            if (options.Value.ResetAdminPassword)
                await ResetAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var configured = options.Value.BootstrapAdminPassword;
        var generated = configured is null ? ReadablePasswords.New() : null;
        var admin = new StoredUser(
            UserNames.BootstrapAdmin,
            passwords.Hash(configured ?? generated!),
            SiteRoles.All,
            Cameras: null,
            Disabled: false,
            MustChangePassword: generated is not null,
            time.GetUtcNow(),
            LastLoginAt: null);

        var record = AuditRecord.OfSystem(
            AuditActions.UserCreated,
            admin.Name,
            AuditDetail.Of(("roles", StoredLists.JoinRoles(admin.Roles)), ("password", generated is null ? "configured" : "generated")));
        if (!await audit.TryRecordAsync(record, cancellationToken).ConfigureAwait(false))
            throw new InvalidOperationException("The first administrator could not be recorded in the audit trail, so it was not created; check the audit trail's storage.");

        // Another process sharing the database may have created it in the meantime: then nothing is shown.
        if (!await users.TryCreateFirstAsync(admin, cancellationToken).ConfigureAwait(false))
            return;
        writer.Write(new BootstrapAdminCredential(admin.Name, generated));
        AdminCreated(logger, admin.Name, generated is null ? "configured" : "generated");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ResetAsync(CancellationToken cancellationToken)
    {
        var generated = ReadablePasswords.New();
        var hash = passwords.Hash(generated);
        var record = AuditRecord.OfSystem(
            AuditActions.UserUpdated,
            UserNames.BootstrapAdmin,
            AuditDetail.Of(("password", "reset at start"), ("roles", StoredLists.JoinRoles(SiteRoles.All)), ("cameras", "all"), ("disabled", "false")));
        if (!await audit.TryRecordAsync(record, cancellationToken).ConfigureAwait(false))
            throw new InvalidOperationException("The admin password reset could not be recorded in the audit trail, so it was not done; check the audit trail's storage.");

        var change = new UserChange(SiteRoles.All, CamerasGiven: true, Cameras: null, Disabled: false, PasswordHash: hash, MustChangePassword: true);
        var (outcome, _) = await users.UpdateAsync(UserNames.BootstrapAdmin, change, cancellationToken).ConfigureAwait(false);
        if (outcome == UserChangeOutcome.NotFound)
        {
            var admin = new StoredUser(UserNames.BootstrapAdmin, hash, SiteRoles.All, Cameras: null, Disabled: false, MustChangePassword: true, time.GetUtcNow(), LastLoginAt: null);
            if (!await users.TryCreateAsync(admin, cancellationToken).ConfigureAwait(false))
                throw new InvalidOperationException($"The user '{UserNames.BootstrapAdmin}' could neither be reset nor created.");
        }

        writer.Write(new BootstrapAdminCredential(UserNames.BootstrapAdmin, generated));
        AdminReset(logger, UserNames.BootstrapAdmin);
    }

    [LoggerMessage(EventId = 62, Level = LogLevel.Warning,
        Message = "No users existed: created administrator {UserName} with all roles and a {PasswordSource} password (never logged; a generated one is shown once on standard output); change it under Admin")]
    private static partial void AdminCreated(ILogger logger, string userName, string passwordSource);

    [LoggerMessage(EventId = 63, Level = LogLevel.Warning,
        Message = "Access:ResetAdminPassword is set: {UserName} got a new generated password (shown once on standard output), every role and every camera; remove the setting before the next start")]
    private static partial void AdminReset(ILogger logger, string userName);
}
