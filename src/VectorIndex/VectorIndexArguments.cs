namespace VfeTps.Stream.VectorIndex;

/// <summary>
/// The argument checks every <see cref="IVectorIndex"/> implementation makes before touching its
/// storage, so the embedded index and the Qdrant adapter reject exactly the same input, with messages
/// that name the offending crop.
/// </summary>
public static class VectorIndexArguments
{
    /// <summary>The longest crop id, camera id or blob key a payload may hold.</summary>
    public const int MaxTextLength = 1024;

    /// <summary>The most crops a grouped search returns per track.</summary>
    public const int MaxCropsPerTrack = 100;

    /// <summary>The most points one upsert may carry.</summary>
    public const int MaxBatchSize = 65536;

    /// <summary>The most points <see cref="IVectorIndex.LatestAsync"/> returns.</summary>
    public const int MaxLatestCount = 100_000;

    /// <summary>Checks a batch: every point complete, its vector of the index's dimension, finite and not all zero.</summary>
    /// <exception cref="ArgumentException">A point is invalid; the message names its crop id.</exception>
    public static void ValidatePoints(IReadOnlyList<CropVector> points, int dimension)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count > MaxBatchSize)
        {
            throw new ArgumentException($"A batch holds at most {MaxBatchSize} points, not {points.Count}.", nameof(points));
        }

        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i] ?? throw new ArgumentException($"Point {i} of the batch is null.", nameof(points));
            if (string.IsNullOrEmpty(point.CropId) || point.CropId.Length > MaxTextLength)
            {
                throw new ArgumentException($"Point {i} of the batch has no crop id or one longer than {MaxTextLength} characters.", nameof(points));
            }

            ValidateVector(point.Vector, dimension, $"crop '{point.CropId}'", nameof(points));
            ValidatePayload(point.CropId, point.Payload);
        }
    }

    /// <summary>Checks a query: vector of the index's dimension, finite, not zero; limit within 1..<see cref="VectorQuery.MaxLimit"/>; From not after To.</summary>
    /// <exception cref="ArgumentException">The query is invalid (<see cref="ArgumentOutOfRangeException"/> for the limit).</exception>
    public static void ValidateQuery(VectorQuery query, int dimension)
    {
        ArgumentNullException.ThrowIfNull(query);
        ValidateVector(query.Vector.Span, dimension, "the query", nameof(query));
        if (query.Limit is < 1 or > VectorQuery.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, $"The limit must be within 1..{VectorQuery.MaxLimit}.");
        }

        if (query.From is { } from && query.To is { } to && from > to)
        {
            throw new ArgumentException($"The time range is reversed: From {from:O} is after To {to:O}.", nameof(query));
        }

        if (query.Cameras is not null && query.Cameras.Any(static c => c is null))
        {
            throw new ArgumentException("The camera filter holds a null camera id.", nameof(query));
        }
    }

    /// <exception cref="ArgumentOutOfRangeException">Not within 1..<see cref="MaxCropsPerTrack"/>.</exception>
    public static void ValidateCropsPerTrack(int cropsPerTrack)
    {
        if (cropsPerTrack is < 1 or > MaxCropsPerTrack)
        {
            throw new ArgumentOutOfRangeException(nameof(cropsPerTrack), cropsPerTrack, $"Crops per track must be within 1..{MaxCropsPerTrack}.");
        }
    }

    /// <exception cref="ArgumentOutOfRangeException">Not within 1..<see cref="MaxLatestCount"/>.</exception>
    public static void ValidateLatestCount(int count)
    {
        if (count is < 1 or > MaxLatestCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The count must be within 1..{MaxLatestCount}.");
        }
    }

    private static void ValidateVector(ReadOnlySpan<float> vector, int dimension, string owner, string parameterName)
    {
        if (vector.Length != dimension)
        {
            throw new ArgumentException($"The vector of {owner} has dimension {vector.Length}; the index holds dimension {dimension}.", parameterName);
        }

        var sumOfSquares = 0.0;
        foreach (var value in vector)
        {
            if (!float.IsFinite(value))
            {
                throw new ArgumentException($"The vector of {owner} holds a value that is not finite ({value}).", parameterName);
            }

            sumOfSquares += (double)value * value;
        }

        if (sumOfSquares == 0 || !double.IsFinite(sumOfSquares))
        {
            throw new ArgumentException($"The vector of {owner} has no direction (its length is {Math.Sqrt(sumOfSquares)}).", parameterName);
        }
    }

    private static void ValidateVector(float[]? vector, int dimension, string owner, string parameterName)
    {
        if (vector is null)
        {
            throw new ArgumentException($"The vector of {owner} is null.", parameterName);
        }

        ValidateVector(vector.AsSpan(), dimension, owner, parameterName);
    }

    private static void ValidatePayload(string cropId, CropPayload? payload)
    {
        if (payload is null)
        {
            throw new ArgumentException($"Crop '{cropId}' has no payload.", "points");
        }

        if (string.IsNullOrEmpty(payload.CameraId))
        {
            throw new ArgumentException($"Crop '{cropId}' has no camera id.", "points");
        }

        CheckText(cropId, payload.CameraId, "camera id");
        CheckText(cropId, payload.CropKey, "crop key");
        CheckText(cropId, payload.FrameKey, "frame key");
        CheckText(cropId, payload.ModelVersion, "model version");

        if (!float.IsFinite(payload.Quality))
        {
            throw new ArgumentException($"Crop '{cropId}' has a quality that is not finite ({payload.Quality}).", "points");
        }
    }

    private static void CheckText(string cropId, string? text, string field)
    {
        if (text is null || text.Length > MaxTextLength)
        {
            throw new ArgumentException($"Crop '{cropId}' has a {field} that is null or longer than {MaxTextLength} characters.", "points");
        }
    }
}
