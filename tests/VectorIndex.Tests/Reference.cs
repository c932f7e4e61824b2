namespace VfeTps.Stream.VectorIndex.Tests;

/// <summary>
/// Brute-force search computed in the test, in double precision: the truth an index is held to.
/// </summary>
internal static class Reference
{
    /// <summary>Scores within this are ties: the index computes in float, the reference in double.</summary>
    public const double Tolerance = 1e-4;

    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            aa += (double)a[i] * a[i];
            bb += (double)b[i] * b[i];
        }

        return dot / Math.Sqrt(aa * bb);
    }

    public static bool Passes(CropPayload payload, VectorQuery query) =>
        (query.Cameras is not { Count: > 0 } || query.Cameras.Contains(payload.CameraId))
        && (query.From is not { } from || payload.CaptureTime >= from)
        && (query.To is not { } to || payload.CaptureTime < to);

    /// <summary>Every passing point with its score, best first.</summary>
    public static List<(CropVector Point, double Score)> Ranked(IEnumerable<CropVector> points, VectorQuery query) =>
        [.. points.Where(p => Passes(p.Payload, query))
            .Select(p => (Point: p, Score: Cosine(query.Vector.Span, p.Vector)))
            .OrderByDescending(static x => x.Score)];

    /// <summary>Groups of passing points per (camera, track), best group first, crops best first.</summary>
    public static List<ReferenceTrack> Tracks(IEnumerable<CropVector> points, VectorQuery query) =>
        [.. Ranked(points, query)
            .GroupBy(static x => (x.Point.Payload.CameraId, x.Point.Payload.TrackId))
            .Select(static g => new ReferenceTrack(g.Key.CameraId, g.Key.TrackId, [.. g], g.Count()))
            .OrderByDescending(static t => t.Crops[0].Score)];

    /// <summary>The latest version of every crop id (what an index holds after the upserts, in order).</summary>
    public static List<CropVector> Latest(IEnumerable<CropVector> writes) =>
        [.. writes.GroupBy(static w => w.CropId).Select(static g => g.Last())];

    /// <summary>
    /// The hits are the exact top-k of the reference: each hit passes the filters and scores what the
    /// reference says; they are best first; no passing point scores better than the last hit (up to
    /// float rounding); and they are as many as the limit or as the passing points.
    /// </summary>
    public static void AssertExactTopK(IReadOnlyList<VectorHit> hits, List<(CropVector Point, double Score)> ranked, int limit)
    {
        Assert.Equal(Math.Min(limit, ranked.Count), hits.Count);
        var byId = ranked.ToDictionary(static r => r.Point.CropId);
        Assert.Equal(hits.Count, hits.Select(static h => h.CropId).Distinct().Count());
        for (var i = 0; i < hits.Count; i++)
        {
            Assert.True(byId.TryGetValue(hits[i].CropId, out var expected), $"Hit {hits[i].CropId} does not pass the filters or does not exist.");
            Assert.Equal(expected.Score, hits[i].Score, Tolerance);
            Assert.Equal(expected.Point.Payload, hits[i].Payload);
            if (i > 0)
            {
                Assert.True(hits[i].Score <= hits[i - 1].Score + 1e-6, $"Hits are not best first at {i}.");
            }
        }

        if (hits.Count > 0)
        {
            var returned = hits.Select(static h => h.CropId).ToHashSet();
            var missed = ranked.Where(r => r.Score > hits[^1].Score + Tolerance && !returned.Contains(r.Point.CropId)).ToList();
            Assert.True(missed.Count == 0, $"Missed better points: {string.Join(", ", missed.Select(static m => $"{m.Point.CropId}={m.Score:F5}"))}");
        }
    }

    public static double RecallAt(IReadOnlyList<VectorHit> hits, List<(CropVector Point, double Score)> ranked, int k)
    {
        var truth = ranked.Take(k).Select(static r => r.Point.CropId).ToHashSet();
        return truth.Count == 0 ? 1 : hits.Take(k).Count(h => truth.Contains(h.CropId)) / (double)truth.Count;
    }

    /// <summary>The grouped hits are the reference's best tracks, with the right crops and counts.</summary>
    public static void AssertTracks(IReadOnlyList<TrackHit> hits, List<ReferenceTrack> expected, int limit, int cropsPerTrack)
    {
        Assert.Equal(Math.Min(limit, expected.Count), hits.Count);
        var byKey = expected.ToDictionary(static t => (t.CameraId, t.TrackId));
        Assert.Equal(hits.Count, hits.Select(static h => (h.CameraId, h.TrackId)).Distinct().Count());
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            Assert.True(byKey.TryGetValue((hit.CameraId, hit.TrackId), out var track), $"Track {hit.CameraId}/{hit.TrackId} has no passing crop.");
            Assert.Equal(track.MatchingCrops, hit.MatchingCrops);
            Assert.Equal(Math.Min(cropsPerTrack, track.Crops.Count), hit.Crops.Count);
            Assert.Equal(hit.Crops.Count, hit.Crops.Select(static c => c.CropId).Distinct().Count());
            for (var c = 0; c < hit.Crops.Count; c++)
            {
                // The c-th best crop scores what the reference's c-th best does (equal up to rounding ties)...
                Assert.Equal(track.Crops[c].Score, hit.Crops[c].Score, Tolerance);

                // ... and is one of this track's passing crops, with its own payload and score.
                var crop = track.Crops.Find(r => r.Point.CropId == hit.Crops[c].CropId);
                Assert.True(crop.Point is not null, $"Crop {hit.Crops[c].CropId} is not a passing crop of track {hit.CameraId}/{hit.TrackId}.");
                Assert.Equal(crop.Score, hit.Crops[c].Score, Tolerance);
                Assert.Equal(crop.Point.Payload, hit.Crops[c].Payload);
            }

            Assert.Equal(track.Crops[0].Score, hit.Score, Tolerance);
            if (i > 0)
            {
                Assert.True(hit.Score <= hits[i - 1].Score + 1e-6, $"Tracks are not best first at {i}.");
            }
        }

        if (hits.Count > 0)
        {
            var returned = hits.Select(static h => (h.CameraId, h.TrackId)).ToHashSet();
            var missed = expected.Where(t => t.Crops[0].Score > hits[^1].Score + Tolerance && !returned.Contains((t.CameraId, t.TrackId))).ToList();
            Assert.True(missed.Count == 0, $"Missed better tracks: {string.Join(", ", missed.Select(static m => $"{m.CameraId}/{m.TrackId}"))}");
        }
    }
}

/// <summary>A track in the reference grouping: its passing crops (best first) and how many.</summary>
internal sealed record ReferenceTrack(string CameraId, long TrackId, List<(CropVector Point, double Score)> Crops, int MatchingCrops);
