using OpenCvSharp;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.BestShots;

/// <summary>
/// Scores how good a crop of a person is for search: big, sharp, confidently detected, upright
/// (height about 2.5 × width) and not cut off by the frame's edge. Weights: size 0.35, sharpness
/// 0.25, detector 0.2, aspect 0.2; a box touching the border keeps 60 % of its score.
/// </summary>
public static class ShotQualityScorer
{
    public const double StandingAspect = 2.5;
    public const double BorderPenalty = 0.6;
    private const double SizeWeight = 0.35;
    private const double SharpnessWeight = 0.25;
    private const double DetectorWeight = 0.2;
    private const double AspectWeight = 0.2;

    /// <summary>The quality of the person in <paramref name="box"/> of a BGR <paramref name="frame"/>.</summary>
    public static ShotQuality Score(Mat frame, BoundingBox box, float detectorScore, BestShotOptions options)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(options);
        var inside = box.ClampTo(frame.Width, frame.Height);
        if (inside.Area == 0)
            return new ShotQuality(0, 0, 0, 0, true, 0);

        var size = Math.Min(1, (double)inside.Height / options.FullQualityHeight);
        var variance = LaplacianVariance(frame, inside);
        var sharpness = variance / (variance + options.SharpnessScale);
        var detector = Math.Clamp(detectorScore, 0, 1);
        var aspect = Math.Exp(-2 * Math.Abs(Math.Log((double)inside.Height / inside.Width / StandingAspect)));
        var margin = options.BorderMargin;
        var touches = box.X <= margin || box.Y <= margin || box.Right >= frame.Width - margin || box.Bottom >= frame.Height - margin;
        var total = (SizeWeight * size) + (SharpnessWeight * sharpness) + (DetectorWeight * detector) + (AspectWeight * aspect);
        if (touches)
            total *= BorderPenalty;
        return new ShotQuality(size, sharpness, detector, aspect, touches, (float)Math.Clamp(total, 0, 1));
    }

    /// <summary>Variance of the Laplacian of the region's grey levels: low for blurred (out of focus, moving) crops.</summary>
    public static double LaplacianVariance(Mat frame, BoundingBox region)
    {
        ArgumentNullException.ThrowIfNull(frame);
        using var crop = new Mat(frame, new Rect(region.X, region.Y, region.Width, region.Height));
        using var grey = new Mat();
        using var laplacian = new Mat();
        Cv2.CvtColor(crop, grey, ColorConversionCodes.BGR2GRAY);
        Cv2.Laplacian(grey, laplacian, MatType.CV_64F);
        Cv2.MeanStdDev(laplacian, out _, out var deviation);
        return deviation.Val0 * deviation.Val0;
    }
}
