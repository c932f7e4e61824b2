namespace VfeTps.Stream.Watchlists;

/// <summary>Why a new crop was not matched (the <c>reason</c> tag of <c>vfetps.watchlists.crops_skipped</c>).</summary>
public static class SkipReasons
{
    /// <summary>Its vector is missing, of the wrong dimension, not finite or zero.</summary>
    public const string Vector = "vector";

    /// <summary>Its crop id, camera or track is malformed or inconsistent.</summary>
    public const string CropId = "crop_id";

    /// <summary>It was embedded by another model than the watchlists' text vectors: the scores would be meaningless.</summary>
    public const string ModelVersion = "model_version";

    /// <summary>Matching it failed unexpectedly (logged); the next crop is matched as usual.</summary>
    public const string Error = "error";
}
