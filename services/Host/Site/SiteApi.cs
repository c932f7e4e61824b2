using VfeTps.Stream.Contracts;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Messaging;
using VfeTps.Stream.VectorIndex;

namespace VfeTps.Stream.Host.Site;

/// <summary>Operational endpoints of the embedded site: pipeline statistics and dead letters.</summary>
public static class SiteApi
{
    public static IEndpointRouteBuilder MapSiteApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Site").RequireAuthorization(AccessPolicies.Authenticated);
        group.MapGet("/stats", GetStatsAsync)
            .WithName("GetStats")
            .WithSummary("Pipeline statistics: crops indexed, capture-to-searchable latency, stream backlogs.");
        group.MapGet("/dead-letters", (SqliteDeadLetterStore store, int? limit) => TypedResults.Ok(store.Latest(limit ?? 100)))
            .WithName("GetDeadLetters")
            // Dead letters name crops of every camera: for those who run the pipeline, not every operator.
            .RequireAuthorization(SiteOperations.Policy)
            .WithSummary("The latest messages a stage refused, with the reason (newest first; limit 1–1000, default 100).");
        return app;
    }

    private static async Task<IResult> GetStatsAsync(
        PipelineLatency latency,
        IVectorIndex index,
        IEventSource<FrameCaptured> frames,
        IEventSource<PersonCropped> crops,
        CancellationToken cancellationToken)
    {
        var stats = new SiteStats(
            index.Name,
            await index.CountAsync(cancellationToken).ConfigureAwait(false),
            latency.Indexed,
            latency.Percentile(50)?.TotalSeconds,
            latency.Percentile(95)?.TotalSeconds,
            frames.Backlog,
            crops.Backlog);
        return TypedResults.Ok(stats);
    }
}
