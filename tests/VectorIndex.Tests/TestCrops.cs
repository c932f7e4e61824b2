using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.VectorIndex.Tests;

/// <summary>Synthetic crops: random unit vectors from a seeded generator, tracks whose shots lie close together.</summary>
internal static class TestCrops
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    public static float[] RandomUnit(Random random, int dimension)
    {
        var vector = new float[dimension];
        for (var i = 0; i < dimension; i++)
        {
            // Box-Muller: an isotropic direction needs normal, not uniform, components.
            vector[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        return Normalised(vector);
    }

    /// <summary>A unit vector near <paramref name="center"/>: cosine about 1 / sqrt(1 + noise²).</summary>
    public static float[] Near(Random random, float[] center, double noise)
    {
        var offset = RandomUnit(random, center.Length);
        var vector = new float[center.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = center[i] + (float)(noise * offset[i]);
        }

        return Normalised(vector);
    }

    public static float[] Normalised(float[] vector)
    {
        var norm = Math.Sqrt(vector.Sum(static v => (double)v * v));
        return [.. vector.Select(v => (float)(v / norm))];
    }

    public static CropVector Crop(string camera, long track, int shot, DateTimeOffset time, float[] vector, string model = "test-model-1")
    {
        var id = CropIds.Create(camera, track, shot);
        var payload = new CropPayload(
            camera, track, shot, time, new BoundingBox(10 + shot, 20 + (int)(track % 100), 32, 96), 0.5f + (shot % 5 / 10f),
            $"crops/{id}.jpg", $"frames/{camera}/{time.ToUnixTimeMilliseconds()}.jpg", model);
        return new CropVector(id, vector, payload);
    }

    /// <summary>
    /// Tracks spread over cameras and a time span, each with 1..<paramref name="maxShots"/> shots near
    /// its own centre (the same person seen a few times); track ids repeat across cameras on purpose.
    /// </summary>
    public static List<CropVector> Scene(Random random, int dimension, int cameras, int tracksPerCamera, int maxShots, TimeSpan span)
    {
        var crops = new List<CropVector>();
        for (var c = 0; c < cameras; c++)
        {
            var camera = CameraName(c);
            for (var t = 0; t < tracksPerCamera; t++)
            {
                var center = RandomUnit(random, dimension);
                var shots = random.Next(1, maxShots + 1);
                var trackStart = Start + (span * random.NextDouble());
                for (var s = 0; s < shots; s++)
                {
                    crops.Add(Crop(camera, t, s, trackStart + TimeSpan.FromSeconds(s * 2), Near(random, center, 0.6)));
                }
            }
        }

        // Written in capture order, as the pipeline writes them.
        return [.. crops.OrderBy(static c => c.Payload.CaptureTime)];
    }

    public static string CameraName(int index) => $"cam-{index}";

    public static async Task UpsertInBatchesAsync(IVectorIndex index, IReadOnlyList<CropVector> crops, int batchSize, CancellationToken cancellationToken)
    {
        for (var i = 0; i < crops.Count; i += batchSize)
        {
            await index.UpsertAsync(crops.Skip(i).Take(batchSize).ToList(), cancellationToken);
        }
    }
}
