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
/// The API key administration (<c>/api/keys</c>, admin role): list, create (the secret is answered once
/// and only its hash kept) and revoke (the key stays listed with <c>revokedAt</c>). A key holds at most its
/// creator's roles and cameras, and an admin key sees every camera (400 otherwise). Recorded before each
/// change: a creation is refused when the trail cannot write (503), a revocation is done anyway.
/// </summary>
internal static class KeyEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/keys").RequireAuthorization(AccessPolicies.Admin);

        keys.MapGet(string.Empty, ListAsync)
            .WithName("ListKeys")
            .WithSummary("All API keys, revoked ones included (never their secrets)");

        keys.MapPost(string.Empty, CreateAsync)
            .WithName("CreateKey")
            .WithSummary("Create an API key; its secret is in this answer only")
            .WithDescription("JSON body {name, roles, cameras?}: roles the creator holds, cameras within the creator's (an admin key: cameras null). Send the secret as 'Authorization: Bearer vfk_…' or 'X-Api-Key: vfk_…'.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        keys.MapDelete("/{id}", RevokeAsync)
            .WithName("RevokeKey")
            .WithSummary("Revoke an API key at once (it stays listed as revoked)")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<KeyView[]>> ListAsync([FromServices] AccessApiContext access, CancellationToken cancellationToken) =>
        TypedResults.Ok((await access.Keys.ListAsync(cancellationToken).ConfigureAwait(false)).Select(KeyView.Of).ToArray());

    private static async Task<Results<Created<CreatedKey>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpContext http, [FromServices] AccessApiContext access, CancellationToken cancellationToken)
    {
        var body = await JsonBodyReader.ReadAsync<CreateKeyRequest>(http.Request, AccessLimits.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.Value is not { } request)
            return body.Invalid is { } invalid ? invalid : body.Refused!;
        var errors = new ValidationErrors();
        var name = AccessRequestRules.KeyName(request.Name, errors);
        var roles = AccessRequestRules.Roles(request.Roles, errors);
        var cameras = AccessRequestRules.Cameras(request.Cameras, errors);
        if (roles is not null)
        {
            AccessRequestRules.AdminSeesEveryCamera(roles, cameras, errors);
            AccessRequestRules.WithinCreator(http.User, roles, cameras, errors);
        }

        if (errors.Any || name is null || roles is null)
            return Problems.Invalid(errors, "The key is not valid.");
        // The owner is a user: the administrator signed in, or the owner of the admin key used.
        if (SitePrincipalFactory.UserOf(http.User) is not { } owner)
            return Problems.Forbidden("Only a user or a user's key can own a key.");

        var id = ApiKeyFormat.NewId();
        var detail = AuditDetail.Of(("name", name), ("roles", StoredLists.JoinRoles(roles)), ("cameras", cameras is null ? "all" : string.Join(',', cameras)));
        var record = AuditRecord.Of(http.User, AuditActions.KeyCreated, id, detail, clientAddress: ClientAddress.Of(http));
        if (!await access.Audit.TryRecordAsync(record, cancellationToken).ConfigureAwait(false))
            return RequestAudit.Unavailable();
        var (key, secret) = await access.Audit.CarryOutAsync(
                record, () => access.Keys.CreateAsync(id, name, owner, roles, cameras, cancellationToken), _ => null)
            .ConfigureAwait(false);
        return TypedResults.Created($"{http.Request.PathBase}/api/keys/{key.Id}", new CreatedKey(KeyView.Of(key), secret));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RevokeAsync(
        string id, HttpContext http, [FromServices] AccessApiContext access, CancellationToken cancellationToken)
    {
        if (!ApiKeyFormat.IsValidId(id))
        {
            var errors = new ValidationErrors();
            errors.Add("id", $"{ValidationErrors.Quote(id)} is not a key id: {ApiKeyFormat.IdLength} characters of a–z and 2–7.");
            return Problems.Invalid(errors, "The key id is not valid.");
        }

        var key = await access.Keys.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (key is null)
            return Problems.NotFound($"There is no key '{id}'.");
        if (key.RevokedAt is not null)
            return TypedResults.NoContent();

        // Revoking removes access: never held up by the trail, and not cancellable once started.
        var record = AuditRecord.Of(http.User, AuditActions.KeyRevoked, id, AuditDetail.Of(("name", key.Name)), clientAddress: ClientAddress.Of(http));
        var recorded = await access.Audit.TryRecordRemovalAsync(record).ConfigureAwait(false);
        var revocation = await access.Audit.CarryOutAsync(
                recorded ? record : null,
                () => access.Keys.RevokeAsync(id, CancellationToken.None),
                result => result switch
                {
                    KeyRevocation.NotFound => "not-found",
                    KeyRevocation.AlreadyRevoked => "already-revoked",
                    _ => null,
                })
            .ConfigureAwait(false);
        return revocation == KeyRevocation.NotFound ? Problems.NotFound($"There is no key '{id}'.") : TypedResults.NoContent();
    }
}
