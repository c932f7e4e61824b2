using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Contracts.Audit;
using VfeTps.Stream.Inference;
using VfeTps.Stream.VectorIndex;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Search;

/// <summary>
/// <c>POST /api/search</c> (by description, through the serving text tower) and
/// <c>POST /api/search/similar</c> ("more like this", through a stored crop's vector).
/// </summary>
internal static class SearchEndpoints
{
    /// <summary>Seconds a client is told to wait when the index is being rebuilt for a new model.</summary>
    private const int RebuildRetryAfterSeconds = 30;

    public static void Map(RouteGroupBuilder api)
    {
        var search = api.MapGroup("/search").WithTags("Search");

        search.MapPost(string.Empty, SearchAsync)
            .WithName("Search")
            .WithSummary("Find people by description")
            .WithDescription(
                "Embeds the description with the serving model's text tower and returns the best-matching crops, best first, "
                + "optionally filtered by camera and capture time. By default one result per tracked person, with its other sightings.")
            .ReadsJson<SearchRequest>()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        search.MapPost("/similar", SearchSimilarAsync)
            .WithName("SearchSimilar")
            .WithSummary("Find more people like a stored crop")
            .WithDescription(
                "Searches with the stored vector of a crop (\"more like this person\"). The crop's own track is left out "
                + "unless includeSameTrack is true.")
            .ReadsJson<SimilarRequest>()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<Results<Ok<SearchResponse>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        HttpRequest request,
        [FromServices] ServingModel model,
        [FromServices] IVectorIndex index,
        [FromServices] SearchApiContext context,
        [FromServices] RequestAudit audit,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var body = await JsonBodyReader.ReadAsync<SearchRequest>(request, context.Options.MaxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.Value is not { } search)
        {
            context.Metrics.Refused(SearchMetrics.TextKind, "invalid");
            return body.Invalid is { } invalid ? invalid : body.Refused!;
        }

        float[] vector;
        string modelVersion;
        SearchQuery? query;
        string text;
        using (var lease = model.Acquire())
        {
            var errors = new ValidationErrors();
            var maxCharacters = Math.Min(context.Options.MaxQueryCharacters, lease.TextEncoder.MaxQueryCharacters);
            query = SearchRequestValidator.Validate(search, context.Options, maxCharacters, errors, out text);
            if (query is null)
                return Invalid(context, SearchMetrics.TextKind, errors);

            // A query is answered by one model version only: the text tower's vectors are meaningless
            // against another model's image vectors.
            modelVersion = lease.ModelVersion;
            if (!string.Equals(modelVersion, index.Name, StringComparison.Ordinal) || lease.TextEncoder.EmbeddingSize != index.Dimension)
            {
                context.Logger.ModelIndexMismatch(modelVersion, index.Name, index.Dimension);
                context.Metrics.Refused(SearchMetrics.TextKind, "unavailable");
                request.HttpContext.Response.Headers.RetryAfter = RebuildRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "The index is being rebuilt for the new model.",
                    detail: $"The serving model is {modelVersion} but the vector index holds the vectors of {index.Name}; "
                        + "searches resume when the index for the new model is complete.");
            }

            if (!SearchScope.TryLimit(request.HttpContext.User, query, out query))
                return await OutOfScopeAsync(request.HttpContext, context, audit, SearchMetrics.TextKind, AuditActions.Search, null, Describe(query, text, null)).ConfigureAwait(false);

            vector = lease.TextEncoder.Embed(text);
        }

        var results = SearchScope.SeesNothing(query)
            ? []
            : await CropSearcher.SearchAsync(index, vector, query, excluded: null, request.PathBase, cancellationToken).ConfigureAwait(false);
        if (await audit.RecordAsync(request.HttpContext, AuditActions.Search, null, Describe(query, text, results.Count)).ConfigureAwait(false) is { } unaudited)
            return unaudited;
        return Answered(context, SearchMetrics.TextKind, started, modelVersion, query, results);
    }

    private static async Task<Results<Ok<SearchResponse>, ValidationProblem, NotFound<ProblemDetails>, ProblemHttpResult>> SearchSimilarAsync(
        HttpRequest request,
        [FromServices] IVectorIndex index,
        [FromServices] SearchApiContext context,
        [FromServices] RequestAudit audit,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var body = await JsonBodyReader.ReadAsync<SimilarRequest>(request, context.Options.MaxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.Value is not { } similar)
        {
            context.Metrics.Refused(SearchMetrics.SimilarKind, "invalid");
            return body.Invalid is { } invalid ? invalid : body.Refused!;
        }

        var errors = new ValidationErrors();
        var query = SearchRequestValidator.Validate(similar, context.Options, errors);
        if (query is null)
            return Invalid(context, SearchMetrics.SimilarKind, errors);

        var cropId = similar.CropId!;
        var user = request.HttpContext.User;
        if (!SearchScope.TryLimit(user, query, out query))
            return await OutOfScopeAsync(request.HttpContext, context, audit, SearchMetrics.SimilarKind, AuditActions.SearchSimilar, cropId, Describe(query, null, null)).ConfigureAwait(false);

        // A crop of a camera the caller may not see is answered as absent: its existence is not theirs to learn.
        var point = await index.GetAsync(cropId, cancellationToken).ConfigureAwait(false);
        if (point is null || !user.CameraScope().Allows(point.Payload.CameraId))
        {
            context.Metrics.Refused(SearchMetrics.SimilarKind, "not_found");
            return TypedResults.NotFound(ProblemBodies.NotFound($"The crop '{cropId}' is not in the index (model {index.Name}).", "It may never have been embedded, or retention removed it."));
        }

        var ownTrack = similar.IncludeSameTrack == true ? (TrackKey?)null : new TrackKey(point.Payload.CameraId, point.Payload.TrackId);
        var results = SearchScope.SeesNothing(query)
            ? []
            : await CropSearcher.SearchAsync(index, point.Vector, query, ownTrack, request.PathBase, cancellationToken).ConfigureAwait(false);
        if (await audit.RecordAsync(request.HttpContext, AuditActions.SearchSimilar, cropId, Describe(query, null, results.Count)).ConfigureAwait(false) is { } unaudited)
            return unaudited;
        return Answered(context, SearchMetrics.SimilarKind, started, index.Name, query, results);
    }

    private static Ok<SearchResponse> Answered(
        SearchApiContext context, string kind, long started, string modelVersion, SearchQuery query, IReadOnlyList<SearchResult> results)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        context.Metrics.Answered(kind, elapsed, results.Count);
        context.Logger.SearchAnswered(kind, results.Count, elapsed.TotalMilliseconds, modelVersion);
        return TypedResults.Ok(new SearchResponse(modelVersion, Math.Round(elapsed.TotalMilliseconds, 2), query.GroupByTrack, results));
    }

    /// <summary>The query named a camera outside the caller's scope: refused (403) and recorded as refused.</summary>
    private static async Task<ProblemHttpResult> OutOfScopeAsync(
        HttpContext http, SearchApiContext context, RequestAudit audit, string kind, string action, string? target, IReadOnlyDictionary<string, string?> detail)
    {
        context.Metrics.Refused(kind, "forbidden");
        if (await audit.RecordAsync(http, action, target, detail, AuditOutcome.Refused).ConfigureAwait(false) is { } unaudited)
            return unaudited;
        return TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "The search names a camera you may not search.",
            detail: "Leave the camera filter out to search every camera you may see, or name only those.");
    }

    /// <summary>What the audit trail keeps of a search: the text, the filters and how many results it returned.</summary>
    private static Dictionary<string, string?> Describe(SearchQuery query, string? text, int? results)
    {
        var detail = new Dictionary<string, string?>
        {
            ["cameras"] = query.Cameras is null ? null : string.Join(",", query.Cameras.Order(StringComparer.Ordinal)),
            ["from"] = query.From?.ToString("O", CultureInfo.InvariantCulture),
            ["to"] = query.To?.ToString("O", CultureInfo.InvariantCulture),
            ["k"] = query.K.ToString(CultureInfo.InvariantCulture),
            ["groupByTrack"] = query.GroupByTrack ? "true" : "false",
        };
        if (text is not null)
            detail["text"] = text;
        if (results is { } count)
            detail["results"] = count.ToString(CultureInfo.InvariantCulture);
        return detail;
    }

    private static ValidationProblem Invalid(SearchApiContext context, string kind, ValidationErrors errors)
    {
        var fields = errors.ToDictionary();
        context.Metrics.Refused(kind, "invalid");
        context.Logger.RequestInvalid(kind, string.Join(", ", fields.Keys));
        return TypedResults.ValidationProblem(fields, title: "The search request is not valid.");
    }
}
