using VfeTps.Stream.Contracts;
using VfeTps.Stream.VectorIndex;

namespace VfeTps.Stream.SiteBench.VectorSearch;

/// <summary>
/// A reproducible stream of synthetic crops as a site produces them: tracks of a few shots each
/// (vectors near the track's own random direction), on random cameras, in capture order over the
/// time span. The same seed gives the same stream, so a brute-force pass can replay it instead of
/// holding a second copy of the vectors in memory.
/// </summary>
internal sealed class SyntheticCropStream(int dimension, int cameras, int shotsPerTrack, DateTimeOffset start, TimeSpan span, int total, int seed)
{
    private const double ShotNoise = 0.5;

    public static string CameraName(int index) => $"cam-{index:D2}";

    public IEnumerable<CropVector> Points()
    {
        var random = new Random(seed);
        var center = new float[dimension];
        var noise = new float[dimension];
        var camera = string.Empty;
        var ticksPerPoint = span.Ticks / Math.Max(1, total);
        for (var i = 0; i < total; i++)
        {
            var track = i / shotsPerTrack;
            var shot = i % shotsPerTrack;
            if (shot == 0)
            {
                FillNormal(random, center);
                camera = CameraName(random.Next(cameras));
            }

            FillNormal(random, noise);
            var vector = new float[dimension];
            var centerNorm = Norm(center);
            var noiseNorm = Norm(noise);
            for (var d = 0; d < dimension; d++)
            {
                vector[d] = (center[d] / centerNorm) + (float)(ShotNoise * noise[d] / noiseNorm);
            }

            var time = start + TimeSpan.FromTicks(i * ticksPerPoint);
            var id = CropIds.Create(camera, track, shot);
            var payload = new CropPayload(
                camera, track, shot, time, new BoundingBox(100, 80, 48, 140), 0.8f, $"crops/{id}.jpg", $"frames/{camera}/{time.ToUnixTimeMilliseconds()}.jpg", "bench-model");
            yield return new CropVector(id, vector, payload);
        }
    }

    public static float[] RandomUnit(Random random, int dimension)
    {
        var vector = new float[dimension];
        FillNormal(random, vector);
        var norm = Norm(vector);
        for (var d = 0; d < dimension; d++)
        {
            vector[d] /= norm;
        }

        return vector;
    }

    private static void FillNormal(Random random, float[] values)
    {
        // Box-Muller, two normal values per pair of uniform ones.
        for (var d = 0; d < values.Length; d += 2)
        {
            var radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
            var angle = 2 * Math.PI * random.NextDouble();
            values[d] = (float)(radius * Math.Cos(angle));
            if (d + 1 < values.Length)
            {
                values[d + 1] = (float)(radius * Math.Sin(angle));
            }
        }
    }

    private static float Norm(float[] values) => System.Numerics.Tensors.TensorPrimitives.Norm(values);
}
