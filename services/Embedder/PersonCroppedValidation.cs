using VfeTps.Stream.Contracts;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.Embedder;

/// <summary>Checks an incoming PersonCropped before any work is spent on it; a malformed one is dead-lettered.</summary>
public static class PersonCroppedValidation
{
    /// <summary>Null when the event is well formed, otherwise why not.</summary>
    public static string? Problem(PersonCropped? crop)
    {
        if (crop is null)
        {
            return "the event is null";
        }

        if (!CropIds.TryParse(crop.CropId, out var camera, out var track, out var shot))
        {
            return $"'{crop.CropId}' is not a crop id";
        }

        if (camera != crop.CameraId || track != crop.TrackId || shot != crop.ShotIndex)
        {
            return $"crop id '{crop.CropId}' does not match camera '{crop.CameraId}', track {crop.TrackId}, shot {crop.ShotIndex}";
        }

        if (crop.Box.Width <= 0 || crop.Box.Height <= 0)
        {
            return $"the box {crop.Box} is empty";
        }

        if (!BlobKeys.IsValid(crop.CropKey) || !BlobKeys.IsValid(crop.FrameKey))
        {
            return "the crop or frame key is not a blob key";
        }

        return float.IsFinite(crop.Quality) ? null : "the quality is not a finite number";
    }
}
