using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Contracts.Audit;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Access;

/// <summary>
/// The user administration (<c>/api/users</c>, admin role): list, create, update, delete. Nobody can
/// delete, disable or demote themselves, nor the last enabled administrator (409). An administrator sees
/// every camera (a restricted admin is refused, 400 on "cameras"). Every change is recorded before it is
/// made; one that grants access is refused when the trail cannot write (503), one that only removes access
/// (delete, disable, narrower roles or cameras) is made anyway (see <see cref="AccessAudit"/>). A record
/// whose change the store then refuses is followed by a compensating record.
/// </summary>
internal static class UserEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").RequireAuthorization(AccessPolicies.Admin);

        users.MapGet(string.Empty, ListAsync)
            .WithName("ListUsers")
            .WithSummary("All users with their roles and cameras");

        users.MapPost(string.Empty, CreateAsync)
            .WithName("CreateUser")
            .WithSummary("Create a user (asked to change the password at first sign-in)")
            .WithDescription("JSON body {name, password, roles, cameras?}; cameras null or absent = every camera (an admin sees every camera).")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        users.MapPut("/{name}", UpdateAsync)
            .WithName("UpdateUser")
            .WithSummary("Change a user's roles, cameras, password or disabled state")
            .WithDescription("JSON body {roles?, cameras?, password?, disabled?}: only the fields given change; \"cameras\": null = every camera (an admin sees every camera). Narrower roles or cameras and disabling are done even while the audit trail cannot write; anything granting access is then 503.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        users.MapDelete("/{name}", DeleteAsync)
            .WithName("DeleteUser")
            .WithSummary("Delete a user (ends their sessions, revokes the keys they own)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<UserView[]>> ListAsync([FromServices] AccessApiContext access, CancellationToken cancellationToken) =>
        TypedResults.Ok((await access.Users.ListAsync(cancellationToken).ConfigureAwait(false)).Select(UserView.Of).ToArray());

    private static async Task<Results<Created<UserView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpContext http, [FromServices] AccessApiContext access, CancellationToken cancellationToken)
    {
        var body = await JsonBodyReader.ReadAsync<CreateUserRequest>(http.Request, AccessLimits.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.Value is not { } request)
            return body.Invalid is { } invalid ? invalid : body.Refused!;
        var errors = new ValidationErrors();
        var name = AccessRequestRules.UserName(request.Name, errors);
        var password = AccessRequestRules.Password(request.Password, errors);
        var roles = AccessRequestRules.Roles(request.Roles, errors);
        var cameras = AccessRequestRules.Cameras(request.Cameras, errors);
        if (roles is not null)
            AccessRequestRules.AdminSeesEveryCamera(roles, cameras, errors);
        if (errors.Any || name is null || password is null || roles is null)
            return Problems.Invalid(errors, "The user is not valid.");
        if (await access.Users.FindAsync(name, cancellationToken).ConfigureAwait(false) is not null)
            return Problems.Conflict($"A user '{name}' already exists.");

        // A new user grants access: no record, no user (503).
        var record = AuditRecord.Of(http.User, AuditActions.UserCreated, name, Describe(roles, camerasGiven: true, cameras), clientAddress: ClientAddress.Of(http));
        if (!await access.Audit.TryRecordAsync(record, cancellationToken).ConfigureAwait(false))
            return RequestAudit.Unavailable();
        // The administrator knows this password, so the user is asked to choose their own.
        var user = new StoredUser(name, access.Passwords.Hash(password), roles, cameras, false, true, access.Time.GetUtcNow(), null);
        var created = await access.Audit.CarryOutAsync(
                record, () => access.Users.TryCreateAsync(user, cancellationToken), done => done ? null : "exists")
            .ConfigureAwait(false);
        if (!created)
            return Problems.Conflict($"A user '{name}' already exists.");
        return TypedResults.Created($"{http.Request.PathBase}/api/users/{name}", UserView.Of(user));
    }

    private static async Task<Results<Ok<UserView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string name, HttpContext http, [FromServices] AccessApiContext access, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (AccessRequestRules.UserName(name, errors) is null)
            return Problems.Invalid(errors, "The user name is not valid.");
        var body = await JsonBodyReader.ReadAsync<UpdateUserRequest>(http.Request, AccessLimits.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.Value is not { } request)
            return body.Invalid is { } invalid ? invalid : body.Refused!;
        if (request.ChangesNothing)
            errors.Add("body", "Give at least one of: roles, cameras, password, disabled.");
        var roles = request.Roles is null ? null : AccessRequestRules.Roles(request.Roles, errors);
        var cameras = AccessRequestRules.Cameras(request.Cameras, errors);
        var password = request.Password is null ? null : AccessRequestRules.Password(request.Password, errors);
        if (errors.Any)
            return Problems.Invalid(errors, "The change is not valid.");

        var current = await access.Users.FindAsync(name, cancellationToken).ConfigureAwait(false);
        if (current is null)
            return Problems.NotFound($"There is no user '{name}'.");
        AccessRequestRules.AdminSeesEveryCamera(roles ?? current.Roles, request.CamerasGiven ? cameras : current.Cameras, errors);
        if (errors.Any)
            return Problems.Invalid(errors, "The change is not valid.");
        var change = new UserChange(roles, request.CamerasGiven, cameras, request.Disabled);
        if (await RefusalAsync(http, access, current, change, cancellationToken).ConfigureAwait(false) is { } refusal)
            return refusal;

        if (password is not null)
        {
            // Someone else's new password is known to the administrator, so it must be changed; one's own is not,
            // and the session it was set from stays (the user's other sessions end).
            var ownPassword = SitePrincipalFactory.UserOf(http.User) == name;
            var keep = ownPassword && SitePrincipalFactory.MethodOf(http.User) == AuthenticationMethods.Session
                && SessionTokens.TryHash(SessionCookie.Read(http), out var tokenHash) ? tokenHash : null;
            change = change with { PasswordHash = access.Passwords.Hash(password), MustChangePassword = !ownPassword, KeepSessionTokenHash = keep };
        }

        var detail = Describe(roles, request.CamerasGiven, cameras, request.Disabled, passwordChanged: password is not null);
        var record = AuditRecord.Of(http.User, AuditActions.UserUpdated, name, detail, clientAddress: ClientAddress.Of(http));
        // A change that grants nothing (narrower roles or cameras, disabling) removes access and is never held up
        // by the trail; one that grants anything is not done unrecorded. When the record could not be written,
        // the store checks again, in its transaction, that the change grants the user as stored now nothing.
        var removal = !change.Grants(current);
        var recorded = removal
            ? await access.Audit.TryRecordRemovalAsync(record).ConfigureAwait(false)
            : await access.Audit.TryRecordAsync(record, cancellationToken).ConfigureAwait(false);
        if (!recorded && !removal)
            return RequestAudit.Unavailable();
        var (outcome, updated) = await access.Audit.CarryOutAsync(
                recorded ? record : null,
                () => access.Users.UpdateAsync(name, change, removal ? CancellationToken.None : cancellationToken, onlyIfGrantsNothing: !recorded),
                result => NotDone(result.Outcome))
            .ConfigureAwait(false);
        return outcome switch
        {
            UserChangeOutcome.Done => TypedResults.Ok(UserView.Of(updated!)),
            UserChangeOutcome.NotFound => Problems.NotFound($"There is no user '{name}'."),
            UserChangeOutcome.WouldGrant => RequestAudit.Unavailable(),
            _ => LastAdmin(name),
        };
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string name, HttpContext http, [FromServices] AccessApiContext access, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (AccessRequestRules.UserName(name, errors) is null)
            return Problems.Invalid(errors, "The user name is not valid.");
        if (SitePrincipalFactory.UserOf(http.User) == name)
            return Problems.Conflict("You cannot delete yourself.", "Ask another administrator to do it.");
        var current = await access.Users.FindAsync(name, cancellationToken).ConfigureAwait(false);
        if (current is null)
            return Problems.NotFound($"There is no user '{name}'.");
        if (current.IsEnabledAdmin && await access.Users.CountOtherEnabledAdminsAsync(name, cancellationToken).ConfigureAwait(false) == 0)
            return LastAdmin(name);

        // Deleting removes access: never held up by the trail, and not cancellable once started.
        var record = AuditRecord.Of(http.User, AuditActions.UserDeleted, name, clientAddress: ClientAddress.Of(http));
        var recorded = await access.Audit.TryRecordRemovalAsync(record).ConfigureAwait(false);
        var outcome = await access.Audit.CarryOutAsync(
                recorded ? record : null, () => access.Users.DeleteAsync(name, access.Time.GetUtcNow(), CancellationToken.None), NotDone)
            .ConfigureAwait(false);
        return outcome switch
        {
            UserChangeOutcome.Done => TypedResults.NoContent(),
            UserChangeOutcome.NotFound => Problems.NotFound($"There is no user '{name}'."),
            _ => LastAdmin(name),
        };
    }

    /// <summary>Why a recorded change was not made after all (the reason of its compensating record); null when it was.</summary>
    private static string? NotDone(UserChangeOutcome outcome) =>
        outcome switch
        {
            UserChangeOutcome.Done => null,
            UserChangeOutcome.NotFound => "not-found",
            UserChangeOutcome.LastAdmin => "last-admin",
            _ => "would-grant",
        };

    /// <summary>Why the change may not be made (409), checked before it is audited; the store checks the last-admin rule again atomically.</summary>
    private static async Task<ProblemHttpResult?> RefusalAsync(
        HttpContext http, AccessApiContext access, StoredUser current, UserChange change, CancellationToken cancellationToken)
    {
        var demoted = change.Roles is not null && !change.Roles.Contains(SiteRoles.Admin, StringComparer.Ordinal);
        if (SitePrincipalFactory.UserOf(http.User) == current.Name)
        {
            if (change.Disabled == true)
                return Problems.Conflict("You cannot disable yourself.", "Ask another administrator to do it.");
            if (demoted && current.Roles.Contains(SiteRoles.Admin, StringComparer.Ordinal))
                return Problems.Conflict("You cannot remove your own admin role.", "Ask another administrator to do it.");
        }

        var stillAdmin = !(change.Disabled ?? current.Disabled) && (change.Roles ?? current.Roles).Contains(SiteRoles.Admin, StringComparer.Ordinal);
        if (current.IsEnabledAdmin && !stillAdmin && await access.Users.CountOtherEnabledAdminsAsync(current.Name, cancellationToken).ConfigureAwait(false) == 0)
            return LastAdmin(current.Name);
        return null;
    }

    private static ProblemHttpResult LastAdmin(string name) =>
        Problems.Conflict($"'{name}' is the last enabled administrator.", "Make another user an administrator first.");

    private static IReadOnlyDictionary<string, string?> Describe(
        IReadOnlyList<string>? roles, bool camerasGiven, IReadOnlyList<string>? cameras, bool? disabled = null, bool passwordChanged = false)
    {
        var detail = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (roles is not null)
            detail["roles"] = StoredLists.JoinRoles(roles);
        if (camerasGiven)
            detail["cameras"] = cameras is null ? "all" : string.Join(',', cameras);
        if (disabled is { } value)
            detail["disabled"] = value ? "true" : "false";
        if (passwordChanged)
            detail["password"] = "changed";
        return detail;
    }
}
