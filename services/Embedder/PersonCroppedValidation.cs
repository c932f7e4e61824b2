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

        if (crop.CropKey != BlobKeys.Crop(crop.CropId))
        {
            return $"the crop key '{crop.CropKey}' is not the key of crop '{crop.CropId}'";
        }

        if (!BlobKeys.IsValid(crop.FrameKey))
        {
            return "the frame key is not a blob key";
        }

        return crop.Quality is >= 0 and <= 1 ? null : "the quality is not a number from 0 to 1";
    }
}
