using VfeTps.Stream.Contracts;
using VfeTps.Stream.VectorIndex;

namespace VfeTps.Stream.Watchlists.Tests;

/// <summary>CropEmbedded notifications and index points for tests, with well-formed ids.</summary>
internal static class TestCrops
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    public static PersonCropped Crop(string camera, long track, int shot = 0, DateTimeOffset? time = null)
    {
        var id = CropIds.Create(camera, track, shot);
        var captured = time ?? Start.AddSeconds(track).AddMilliseconds(shot * 100);
        return new PersonCropped(id, camera, track, shot, captured, new BoundingBox(10, 20, 32, 96), 0.8f, $"crops/{id}.jpg",
            $"frames/{camera}/{captured.ToUnixTimeMilliseconds()}.jpg");
    }

    public static CropEmbedded Embedded(string modelVersion, string camera, long track, float[] vector, int shot = 0) =>
        new(Crop(camera, track, shot), modelVersion, vector, Start.AddHours(1));

    /// <summary>Ordinary crops: the model's pool vectors <paramref name="first"/>.. on a camera, one track each (tracks numbered from <paramref name="firstTrack"/>).</summary>
    public static IEnumerable<CropEmbedded> Ordinary(WatchlistModel model, string camera, int first, int count, long firstTrack) =>
        Enumerable.Range(0, count).Select(i => Embedded(model.Version, camera, firstTrack + i, model.Pool[(first + i) % model.Pool.Count]));

    public static CropVector Point(string modelVersion, string camera, long track, float[] vector, DateTimeOffset time)
    {
        var crop = Crop(camera, track, 0, time);
        return new CropVector(crop.CropId, vector, new CropPayload(
            camera, track, 0, time, crop.Box, crop.Quality, crop.CropKey, crop.FrameKey, modelVersion));
    }

    /// <summary>A unit vector close to <paramref name="center"/> (cosine about 1 / sqrt(1 + noise²)).</summary>
    public static float[] Near(float[] center, double noise, int seed)
    {
        var random = new Random(seed);
        var vector = center.Select(v => v + (float)(noise * (random.NextDouble() - 0.5) * 2 / Math.Sqrt(center.Length / 3.0))).ToArray();
        return WatchlistModel.Unit(vector);
    }
}
