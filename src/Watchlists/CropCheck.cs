using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.Watchlists;

/// <summary>What the matcher checks on a <see cref="CropEmbedded"/> before trusting it: a well-formed crop id that agrees with its camera and track, and a usable vector.</summary>
internal static class CropCheck
{
    /// <summary>Null when the crop is well formed; otherwise the skip reason (<see cref="SkipReasons"/>) and why.</summary>
    public static (string Reason, string Detail)? Problem(CropEmbedded? embedded)
    {
        if (embedded?.Crop is not { } crop)
            return (SkipReasons.CropId, "the notification carries no crop");
        if (!CropIds.TryParse(crop.CropId, out var camera, out var track, out _))
            return (SkipReasons.CropId, "its crop id is malformed");
        if (!string.Equals(camera, crop.CameraId, StringComparison.Ordinal) || track != crop.TrackId)
            return (SkipReasons.CropId, "its crop id does not agree with its camera and track");
        if (string.IsNullOrEmpty(embedded.ModelVersion))
            return (SkipReasons.ModelVersion, "it names no model version");
        if (embedded.Vector is null)
            return (SkipReasons.Vector, "it carries no vector");
        return null;
    }

    /// <summary>A crop id fit for a log line (see <see cref="LogText.Safe"/>).</summary>
    public static string Describe(CropEmbedded? embedded) => LogText.Safe(embedded?.Crop?.CropId);
}
