using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.Search.Tests;

/// <summary>A crop the fixture stored (blob, frame and vector), as the tests expect the API to report it.</summary>
internal sealed record StoredCrop(string CropId, string CameraId, long TrackId, int ShotIndex, DateTimeOffset Time, BoundingBox Box, float[] Vector);
