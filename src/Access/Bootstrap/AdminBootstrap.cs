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
/// be changed, shown once through <see cref="IBootstrapCredentialWriter"/>. Later starts do nothing. The
/// creation is audited first; when the audit trail cannot record it the start fails (fail closed).
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
            return;

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

    [LoggerMessage(EventId = 62, Level = LogLevel.Warning,
        Message = "No users existed: created administrator {UserName} with all roles and a {PasswordSource} password (never logged; a generated one is shown once on standard output); change it under Admin")]
    private static partial void AdminCreated(ILogger logger, string userName, string passwordSource);
}
