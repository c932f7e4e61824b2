namespace VfeTps.Stream.PersonCrop;

/// <summary>Settings of OpenCV's HOG people detector (<c>PersonCrop:Hog</c>).</summary>
public sealed class HogDetectorOptions
{
    /// <summary>
    /// Factor the frame is resized by before detection (1: native size). The detection window is
    /// 64×128 pixels, so shrinking misses people shorter than 128 / Scale pixels; it is the main
    /// cost lever (about the square of it).
    /// </summary>
    public double Scale { get; set; } = 1.0;

    /// <summary>SVM margin a window must exceed (0: OpenCV's default).</summary>
    public double HitThreshold { get; set; }

    /// <summary>Window stride in pixels (a multiple of 8).</summary>
    public int WindowStride { get; set; } = 8;

    /// <summary>Ratio between pyramid levels.</summary>
    public double PyramidScale { get; set; } = 1.05;

    /// <summary>Overlapping windows needed for a detection (OpenCV's groupThreshold).</summary>
    public int GroupThreshold { get; set; } = 2;

    internal void Validate(List<string> problems)
    {
        const string section = "Hog:";
        if (!(Scale is > 0 and <= 4))
            problems.Add($"{section}{nameof(Scale)} must be in (0, 4] (got {Scale}).");
        if (HitThreshold < 0 || double.IsNaN(HitThreshold))
            problems.Add($"{section}{nameof(HitThreshold)} must not be negative (got {HitThreshold}).");
        if (WindowStride < 8 || WindowStride % 8 != 0)
            problems.Add($"{section}{nameof(WindowStride)} must be a positive multiple of 8 (got {WindowStride}).");
        if (!(PyramidScale is > 1 and <= 2))
            problems.Add($"{section}{nameof(PyramidScale)} must be in (1, 2] (got {PyramidScale}).");
        if (GroupThreshold < 0)
            problems.Add($"{section}{nameof(GroupThreshold)} must not be negative (got {GroupThreshold}).");
    }
}
