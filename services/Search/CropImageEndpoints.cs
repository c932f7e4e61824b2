using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Contracts.Audit;
using VfeTps.Stream.Preprocessing;
using VfeTps.Stream.Storage;
using VfeTps.Stream.VectorIndex;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Search;

/// <summary>
/// <c>GET /api/crops/{cropId}/image</c> (the stored crop JPEG) and <c>GET /api/crops/{cropId}/frame</c>
/// (the whole frame with the person's box drawn), revalidated by the browser on every view (ETag, 304).
/// Each view is audited; a crop of a camera outside the caller's scope answers 404 like a missing one.
/// </summary>
internal static class CropImageEndpoints
{
    private const string Jpeg = "image/jpeg";

    public static void Map(RouteGroupBuilder api)
    {
        var crops = api.MapGroup("/crops/{cropId}").WithTags("Crops");

        crops.MapGet("/image", GetCropImageAsync)
            .WithName("GetCropImage")
            .WithSummary("A crop's image (JPEG)")
            .WithDescription("The person as cropped from the frame: the thumbnail of a search result. Immutable, with an ETag.")
            .Produces(StatusCodes.Status200OK, contentType: Jpeg)
            .Produces(StatusCodes.Status304NotModified);

        crops.MapGet("/frame", GetFrameAsync)
            .WithName("GetCropFrame")
            .WithSummary("The frame a crop was cut from, with the person's box drawn (JPEG)")
            .WithDescription("The whole camera frame with a green box around the person. Immutable, with an ETag.")
            .Produces(StatusCodes.Status200OK, contentType: Jpeg)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound<ProblemDetails>, ProblemHttpResult>> GetCropImageAsync(
        string cropId,
        HttpResponse response,
        [FromServices] IBlobStore blobs,
        [FromServices] IVectorIndex index,
        [FromServices] SearchApiContext context,
        [FromServices] RequestAudit audit,
        CancellationToken cancellationToken)
    {
        if (!CropIds.TryParse(cropId, out var cameraId, out _, out _))
            return InvalidCropId(cropId);
        if (!response.HttpContext.User.CameraScope().Allows(cameraId))
            return NoImage(cropId);

        // The deterministic key first; the index's payload knows the key if a store laid it out otherwise.
        var key = BlobKeys.Crop(cropId);
        var jpeg = await blobs.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (jpeg is null
            && await index.GetAsync(cropId, cancellationToken).ConfigureAwait(false) is { } point
            && point.Payload.CropKey != key && BlobKeys.IsValid(point.Payload.CropKey))
        {
            jpeg = await blobs.GetAsync(point.Payload.CropKey, cancellationToken).ConfigureAwait(false);
        }

        if (jpeg is null)
            return NoImage(cropId);

        if (await audit.RecordAsync(response.HttpContext, AuditActions.CropImageOpened, cropId).ConfigureAwait(false) is { } unaudited)
            return unaudited;
        ImageCaching.SetCacheHeaders(response);
        // The file result answers If-None-Match with 304 itself.
        return TypedResults.File(jpeg, Jpeg, entityTag: ImageCaching.CropTag(jpeg));
    }

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ValidationProblem, NotFound<ProblemDetails>, ProblemHttpResult>> GetFrameAsync(
        string cropId,
        HttpRequest request,
        [FromServices] IBlobStore blobs,
        [FromServices] IVectorIndex index,
        [FromServices] SearchApiContext context,
        [FromServices] RequestAudit audit,
        CancellationToken cancellationToken)
    {
        if (!CropIds.TryParse(cropId, out var cameraId, out _, out _))
            return InvalidCropId(cropId);
        if (!request.HttpContext.User.CameraScope().Allows(cameraId))
            return NotIndexed(cropId, index);

        // The box and the frame's key live in the index's payload.
        var point = await index.GetAsync(cropId, cancellationToken).ConfigureAwait(false);
        if (point is null)
            return NotIndexed(cropId, index);

        var frameKey = point.Payload.FrameKey;
        var stored = BlobKeys.IsValid(frameKey) ? await blobs.GetAsync(frameKey, cancellationToken).ConfigureAwait(false) : null;
        if (stored is null)
            return TypedResults.NotFound(ProblemBodies.NotFound($"The frame of crop '{cropId}' is not stored.", "Frames may be kept for a shorter time than crops."));

        var box = CropBox.From(point.Payload.Box);
        var tag = ImageCaching.FrameTag(stored, box);
        var response = request.HttpContext.Response;
        ImageCaching.SetCacheHeaders(response);
        if (EntityTags.IfNoneMatch(request, tag))
        {
            // Answered before decoding: drawing the box is the expensive part. Still a view: audited.
            if (await audit.RecordAsync(request.HttpContext, AuditActions.CropFrameOpened, cropId).ConfigureAwait(false) is { } unrecorded)
                return unrecorded;
            response.Headers.ETag = tag.ToString();
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        RgbImage frame;
        try
        {
            frame = ImageFiles.Decode(stored, frameKey);
        }
        catch (ImageDecodeException error)
        {
            context.Logger.FrameUndecodable(frameKey, cropId, error.Message);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status500InternalServerError,
                title: $"The stored frame of crop '{cropId}' cannot be decoded.",
                detail: "The frame file is damaged; the crop image may still be available.");
        }

        FrameMarkup.DrawBox(frame, point.Payload.Box);
        var jpeg = ImageFiles.EncodeJpeg(frame, context.Options.FrameJpegQuality);
        // Recorded once the frame is ready to go out: a damaged frame is not a view.
        if (await audit.RecordAsync(request.HttpContext, AuditActions.CropFrameOpened, cropId).ConfigureAwait(false) is { } unaudited)
            return unaudited;
        return TypedResults.File(jpeg, Jpeg, entityTag: tag);
    }

    // A crop of a camera outside the caller's scope is answered exactly as a missing one.
    private static NotFound<ProblemDetails> NoImage(string cropId) =>
        TypedResults.NotFound(ProblemBodies.NotFound($"There is no image of crop '{cropId}'.", "It may never have been stored, or retention removed it."));

    private static NotFound<ProblemDetails> NotIndexed(string cropId, IVectorIndex index) =>
        TypedResults.NotFound(ProblemBodies.NotFound($"The crop '{cropId}' is not in the index (model {index.Name}).", "It may never have been embedded, or retention removed it."));

    private static ValidationProblem InvalidCropId(string cropId) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]>
            {
                ["cropId"] = [$"{ValidationErrors.Quote(cropId)} is not a crop id ({{camera}}.{{track}}.{{shot}}, e.g. entrance-1.42.0)."],
            },
            title: "The crop id is not valid.");
}
