using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Contracts.Audit;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Search;

/// <summary>
/// The camera registry for integrators (<c>/api/cameras</c>) over <see cref="ICameraDirectory"/>:
/// list, get, register (starts the camera) and remove (stops it). Sources come back with their
/// credentials masked by the directory. A duplicate id (<see cref="CameraAlreadyRegisteredException"/>)
/// is answered 409; any other refusal of the directory (<see cref="InvalidOperationException"/>, for
/// example the camera workers could not be told of the camera and the registration was undone) is a
/// transient failure on the server's side: 503 with a ProblemDetails body, logged with its cause.
/// </summary>
internal static partial class CameraEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var cameras = api.MapGroup("/cameras").WithTags("Cameras").RequireAuthorization(AccessPolicies.Authenticated);

        cameras.MapGet(string.Empty, ListAsync)
            .WithName("ListCameras")
            .WithSummary("All registered cameras with their health");

        cameras.MapGet("/{id}", GetAsync)
            .WithName("GetCamera")
            .WithSummary("One camera with its health");

        cameras.MapPost(string.Empty, AddAsync)
            .WithName("AddCamera")
            .WithSummary("Register a camera and start reading it")
            .WithDescription("Source: a video file path or an rtsp://, rtsps://, http:// or https:// URL; credentials in it are never returned.")
            .RequireAuthorization(AccessPolicies.Integrator)
            .RequireAuthorization(EveryCamera)
            .ReadsJson<CameraSpec>()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        cameras.MapDelete("/{id}", RemoveAsync)
            .WithName("RemoveCamera")
            .RequireAuthorization(AccessPolicies.Integrator)
            .RequireAuthorization(EveryCamera)
            .WithSummary("Stop a camera and unregister it (its crops stay until retention removes them)");
    }

    /// <summary>
    /// Changing the camera set is for principals that may see every camera: a restricted integrator
    /// would otherwise learn of hidden cameras (a 409 on their id) or remove them.
    /// </summary>
    private static void EveryCamera(AuthorizationPolicyBuilder policy) => policy.RequireClaim(SiteClaimTypes.AllCameras, "true");

    private static async Task<Ok<IReadOnlyList<CameraView>>> ListAsync(
        ClaimsPrincipal user, [FromServices] ICameraDirectory directory, CancellationToken cancellationToken)
    {
        var scope = user.CameraScope();
        var cameras = await directory.ListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<CameraView>>(scope.IsEverything ? cameras : cameras.Where(camera => scope.Allows(camera.Id)).ToArray());
    }

    private static async Task<Results<Ok<CameraView>, ValidationProblem, NotFound<ProblemDetails>>> GetAsync(
        string id, ClaimsPrincipal user, [FromServices] ICameraDirectory directory, CancellationToken cancellationToken)
    {
        if (!CameraIds.IsValid(id))
            return InvalidId(id);
        var camera = user.CameraScope().Allows(id) ? await directory.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        return camera is null ? NoSuchCamera(id) : TypedResults.Ok(camera);
    }

    private static async Task<Results<Created<CameraView>, ValidationProblem, Conflict<ProblemDetails>, ProblemHttpResult>> AddAsync(
        HttpRequest request,
        [FromServices] ICameraDirectory directory,
        [FromServices] SearchApiContext context,
        [FromServices] RequestAudit audit,
        CancellationToken cancellationToken)
    {
        var body = await JsonBodyReader.ReadAsync<CameraSpec>(request, context.Options.MaxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.Value is not { } spec)
            return body.Invalid is { } invalid ? invalid : body.Refused!;

        // Positional records get null for absent fields; say which are missing before the directory sees them.
        var errors = new ValidationErrors();
        if (spec.Id is null)
            errors.Add("id", "A camera id is required.");
        if (spec.Name is null)
            errors.Add("name", "A display name is required.");
        if (spec.Source is null)
            errors.Add("source", "A source (file path or stream URL) is required.");
        if (spec.Detector is null)
            errors.Add("detector", $"The detector must be one of: {string.Join(", ", DetectorKinds.All)}.");
        if (errors.Any)
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The camera is not valid.");

        // Checked in full before anything is recorded: a refused camera leaves no "added" record, and its
        // source is masked only once it is known to be well formed (a malformed URL could defeat the mask).
        CameraSpec camera;
        try
        {
            camera = CameraSpecValidator.Validate(spec, fileMustExist: false);
        }
        catch (ArgumentException error)
        {
            return Invalid(error);
        }

        if (await directory.GetAsync(camera.Id, cancellationToken).ConfigureAwait(false) is not null)
            return AlreadyRegistered(camera.Id, null);

        // Recorded before the camera starts (fail closed); the masked source only, never its credentials.
        var detail = Describe(camera);
        if (await audit.RecordAsync(request.HttpContext, AuditActions.CameraAdded, camera.Id, detail).ConfigureAwait(false) is { } unaudited)
            return unaudited;
        try
        {
            var added = await directory.AddAsync(spec, cancellationToken).ConfigureAwait(false);
            return TypedResults.Created($"{request.PathBase}/api/cameras/{added.Id}", added);
        }
        catch (ArgumentException error)
        {
            await RecordNotDoneAsync(audit, request.HttpContext, AuditActions.CameraAdded, camera.Id, detail, AuditOutcome.Refused, "invalid").ConfigureAwait(false);
            return Invalid(error);
        }
        catch (CameraAlreadyRegisteredException error)
        {
            await RecordNotDoneAsync(audit, request.HttpContext, AuditActions.CameraAdded, camera.Id, detail, AuditOutcome.Refused, "already registered").ConfigureAwait(false);
            return AlreadyRegistered(camera.Id, error.Message);
        }
        catch (InvalidOperationException error)
        {
            // Not the caller's fault, and not a conflict: the directory could not complete the registration now.
            // Its message stays in the log (the directory masks credentials; the answer says nothing internal).
            RegistrationFailed(context.Logger, camera.Id, error);
            await RecordNotDoneAsync(audit, request.HttpContext, AuditActions.CameraAdded, camera.Id, detail, AuditOutcome.Failed, "registry unavailable").ConfigureAwait(false);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: $"The camera '{camera.Id}' could not be registered now.",
                detail: "The camera registry could not complete the registration; try again shortly.");
        }
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFound<ProblemDetails>, ProblemHttpResult>> RemoveAsync(
        string id, HttpContext http, [FromServices] ICameraDirectory directory, [FromServices] RequestAudit audit, CancellationToken cancellationToken)
    {
        if (!CameraIds.IsValid(id))
            return InvalidId(id);
        if (await directory.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
            return NoSuchCamera(id);
        if (await audit.RecordAsync(http, AuditActions.CameraRemoved, id).ConfigureAwait(false) is { } unaudited)
            return unaudited;
        if (await directory.RemoveAsync(id, cancellationToken).ConfigureAwait(false))
            return TypedResults.NoContent();
        await RecordNotDoneAsync(audit, http, AuditActions.CameraRemoved, id, null, AuditOutcome.Refused, "already removed").ConfigureAwait(false);
        return NoSuchCamera(id);
    }

    private static Dictionary<string, string?> Describe(CameraSpec spec) => new()
    {
        ["name"] = spec.Name,
        ["source"] = StreamSourceMask.Mask(spec.Source),
        ["detector"] = spec.Detector,
    };

    /// <summary>
    /// The action recorded as done did not happen after all: a second record says so (best effort; the
    /// answer is an error either way).
    /// </summary>
    private static Task RecordNotDoneAsync(
        RequestAudit audit, HttpContext http, string action, string target, IReadOnlyDictionary<string, string?>? detail, AuditOutcome outcome, string reason)
    {
        var particulars = new Dictionary<string, string?>(detail ?? new Dictionary<string, string?>()) { ["reason"] = reason };
        return audit.RecordAsync(http, action, target, particulars, outcome);
    }

    private static ValidationProblem Invalid(ArgumentException error) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [FieldOf(error)] = [MessageOf(error)] },
            title: "The camera is not valid.");

    private static Conflict<ProblemDetails> AlreadyRegistered(string id, string? detail) =>
        TypedResults.Conflict(ProblemBodies.Conflict($"A camera with the id '{id}' is already registered.", detail));

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Registering camera {CameraId} failed")]
    private static partial void RegistrationFailed(ILogger logger, string? cameraId, Exception error);

    private static ValidationProblem InvalidId(string id) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]>
            {
                ["id"] = [$"{ValidationErrors.Quote(id)} is not a camera id: use 1–{CameraIds.MaxLength} lower-case letters, digits and '-', starting with a letter or digit."],
            },
            title: "The camera id is not valid.");

    private static NotFound<ProblemDetails> NoSuchCamera(string id) =>
        TypedResults.NotFound(ProblemBodies.NotFound($"There is no camera '{id}'."));

    /// <summary>The JSON field the directory complained about, when it named one that is a field of <see cref="CameraSpec"/>.</summary>
    private static string FieldOf(ArgumentException error)
    {
        var name = error.ParamName;
        if (string.IsNullOrEmpty(name) || !typeof(CameraSpec).GetProperties().Any(property => string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)))
            return "camera";
        return System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
    }

    /// <summary>The message without the " (Parameter 'x')" that <see cref="ArgumentException.Message"/> appends.</summary>
    private static string MessageOf(ArgumentException error)
    {
        var suffix = error.ParamName is null ? null : $" (Parameter '{error.ParamName}')";
        return suffix is not null && error.Message.EndsWith(suffix, StringComparison.Ordinal) ? error.Message[..^suffix.Length] : error.Message;
    }
}
