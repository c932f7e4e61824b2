using Microsoft.AspNetCore.Http;
using VfeTps.Stream.VectorIndex;

namespace VfeTps.Stream.Search;

/// <summary>
/// Runs a validated query against the vector index and shapes the hits into results: one per crop,
/// or one per tracked person with its other sightings. Optionally leaves out one track ("more like
/// this" leaves out the person it started from), fetching further until <c>k</c> results remain.
/// </summary>
internal static class CropSearcher
{
    // A track rarely has more best shots than this; asked for k + this, one round usually suffices.
    private const int ExtraCropsForExcludedTrack = 16;

    public static async Task<IReadOnlyList<SearchResult>> SearchAsync(
        IVectorIndex index, ReadOnlyMemory<float> vector, SearchQuery query, TrackKey? excluded, PathString pathBase, CancellationToken cancellationToken)
    {
        return query.GroupByTrack
            ? await SearchTracksAsync(index, vector, query, excluded, pathBase, cancellationToken).ConfigureAwait(false)
            : await SearchCropsAsync(index, vector, query, excluded, pathBase, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<SearchResult>> SearchTracksAsync(
        IVectorIndex index, ReadOnlyMemory<float> vector, SearchQuery query, TrackKey? excluded, PathString pathBase, CancellationToken cancellationToken)
    {
        // One entry per track, so one more than k covers the excluded one.
        var limit = excluded is null ? query.K : Math.Min(query.K + 1, VectorQuery.MaxLimit);
        var tracks = await index.SearchTracksAsync(Query(vector, limit, query), query.CropsPerTrack, cancellationToken).ConfigureAwait(false);
        return [.. tracks
            .Where(track => excluded is not { } key || track.CameraId != key.CameraId || track.TrackId != key.TrackId)
            .Take(query.K)
            .Select(track => ToResult(track.Best, pathBase) with
            {
                Sightings = [.. track.Crops.Skip(1).Select(hit => ToMatch(hit, pathBase))],
                MatchingCrops = track.MatchingCrops,
            })];
    }

    private static async Task<IReadOnlyList<SearchResult>> SearchCropsAsync(
        IVectorIndex index, ReadOnlyMemory<float> vector, SearchQuery query, TrackKey? excluded, PathString pathBase, CancellationToken cancellationToken)
    {
        var limit = excluded is null ? query.K : Math.Min(query.K + ExtraCropsForExcludedTrack, VectorQuery.MaxLimit);
        while (true)
        {
            var hits = await index.SearchAsync(Query(vector, limit, query), cancellationToken).ConfigureAwait(false);
            var kept = hits
                .Where(hit => excluded is not { } key || hit.Payload.CameraId != key.CameraId || hit.Payload.TrackId != key.TrackId)
                .Take(query.K)
                .ToList();
            // Done when k remain, or the index has nothing more to give.
            if (kept.Count >= query.K || hits.Count < limit || limit == VectorQuery.MaxLimit)
                return [.. kept.Select(hit => ToResult(hit, pathBase))];
            limit = Math.Min(limit * 2, VectorQuery.MaxLimit);
        }
    }

    private static VectorQuery Query(ReadOnlyMemory<float> vector, int limit, SearchQuery query) =>
        new(vector, limit, query.Cameras, query.From, query.To);

    private static SearchResult ToResult(VectorHit hit, PathString pathBase) =>
        new(hit.CropId, hit.Score, hit.Payload.CameraId, hit.Payload.CaptureTime, hit.Payload.TrackId, CropBox.From(hit.Payload.Box),
            CropLinks.Thumbnail(pathBase, hit.CropId), CropLinks.Frame(pathBase, hit.CropId));

    private static CropMatch ToMatch(VectorHit hit, PathString pathBase) =>
        new(hit.CropId, hit.Score, hit.Payload.CameraId, hit.Payload.CaptureTime, hit.Payload.TrackId, CropBox.From(hit.Payload.Box),
            CropLinks.Thumbnail(pathBase, hit.CropId), CropLinks.Frame(pathBase, hit.CropId));
}
