using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using VfeTps.Stream.Inference;
using VfeTps.Stream.VectorIndex;

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
            .Accepts<SearchRequest>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        search.MapPost("/similar", SearchSimilarAsync)
            .WithName("SearchSimilar")
            .WithSummary("Find more people like a stored crop")
            .WithDescription(
                "Searches with the stored vector of a crop (\"more like this person\"). The crop's own track is left out "
                + "unless includeSameTrack is true.")
            .Accepts<SimilarRequest>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<Results<Ok<SearchResponse>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        HttpRequest request,
        [FromServices] ServingModel model,
        [FromServices] IVectorIndex index,
        [FromServices] SearchApiContext context,
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
        using (var lease = model.Acquire())
        {
            var errors = new ValidationErrors();
            var maxCharacters = Math.Min(context.Options.MaxQueryCharacters, lease.TextEncoder.MaxQueryCharacters);
            query = SearchRequestValidator.Validate(search, context.Options, maxCharacters, errors, out var text);
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

            vector = lease.TextEncoder.Embed(text);
        }

        var results = await CropSearcher.SearchAsync(index, vector, query, excluded: null, request.PathBase, cancellationToken).ConfigureAwait(false);
        return Answered(context, SearchMetrics.TextKind, started, modelVersion, query, results);
    }

    private static async Task<Results<Ok<SearchResponse>, ValidationProblem, NotFound<ProblemDetails>, ProblemHttpResult>> SearchSimilarAsync(
        HttpRequest request,
        [FromServices] IVectorIndex index,
        [FromServices] SearchApiContext context,
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
        var point = await index.GetAsync(cropId, cancellationToken).ConfigureAwait(false);
        if (point is null)
        {
            context.Metrics.Refused(SearchMetrics.SimilarKind, "not_found");
            return TypedResults.NotFound(Problems.NotFound($"The crop '{cropId}' is not in the index (model {index.Name}).", "It may never have been embedded, or retention removed it."));
        }

        var ownTrack = similar.IncludeSameTrack == true ? (TrackKey?)null : new TrackKey(point.Payload.CameraId, point.Payload.TrackId);
        var results = await CropSearcher.SearchAsync(index, point.Vector, query, ownTrack, request.PathBase, cancellationToken).ConfigureAwait(false);
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

    private static ValidationProblem Invalid(SearchApiContext context, string kind, ValidationErrors errors)
    {
        var fields = errors.ToDictionary();
        context.Metrics.Refused(kind, "invalid");
        context.Logger.RequestInvalid(kind, string.Join(", ", fields.Keys));
        return TypedResults.ValidationProblem(fields, title: "The search request is not valid.");
    }
}
