using OpenCvSharp;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.PersonCrop.BestShots;

namespace VfeTps.Stream.PersonCrop.Tests.BestShots;

public sealed class ShotQualityScorerTests
{
    private static readonly BestShotOptions Options = new();

    [Fact]
    public void A_bigger_person_scores_higher_up_to_the_full_quality_height()
    {
        using var frame = Textured(640, 480);

        var small = ShotQualityScorer.Score(frame, new BoundingBox(100, 100, 24, 60), 0.8f, Options);
        var big = ShotQualityScorer.Score(frame, new BoundingBox(100, 100, 48, 120), 0.8f, Options);
        var full = ShotQualityScorer.Score(frame, new BoundingBox(100, 100, 80, 200), 0.8f, Options);

        Assert.True(big.Total > small.Total, $"{big.Total} should beat {small.Total}");
        Assert.Equal(1, full.Size);
        Assert.Equal(60.0 / Options.FullQualityHeight, small.Size, 6);
    }

    [Fact]
    public void A_blurred_crop_scores_lower_than_a_sharp_one()
    {
        using var sharp = Textured(320, 240);
        using var blurred = new Mat();
        Cv2.GaussianBlur(sharp, blurred, new Size(9, 9), 3);
        var box = new BoundingBox(100, 50, 40, 100);

        var sharpScore = ShotQualityScorer.Score(sharp, box, 0.8f, Options);
        var blurredScore = ShotQualityScorer.Score(blurred, box, 0.8f, Options);

        Assert.True(sharpScore.Sharpness > blurredScore.Sharpness + 0.2, $"{sharpScore.Sharpness} vs {blurredScore.Sharpness}");
        Assert.True(sharpScore.Total > blurredScore.Total);
        using var flat = Flat(320, 240);
        Assert.Equal(0, ShotQualityScorer.LaplacianVariance(flat, box));
    }

    [Fact]
    public void A_box_touching_the_frame_edge_is_penalised()
    {
        using var frame = Textured(320, 240);

        var inside = ShotQualityScorer.Score(frame, new BoundingBox(100, 60, 40, 100), 0.8f, Options);
        var atEdge = ShotQualityScorer.Score(frame, new BoundingBox(0, 60, 40, 100), 0.8f, Options);

        Assert.False(inside.TouchesBorder);
        Assert.True(atEdge.TouchesBorder);
        Assert.True(atEdge.Total < inside.Total * 0.8, $"{atEdge.Total} vs {inside.Total}");
    }

    [Fact]
    public void A_standing_person_shape_beats_a_square_or_a_sliver_and_the_detector_score_counts()
    {
        using var frame = Flat(400, 400);

        var standing = ShotQualityScorer.Score(frame, new BoundingBox(100, 50, 40, 100), 0.8f, Options);
        var square = ShotQualityScorer.Score(frame, new BoundingBox(100, 50, 100, 100), 0.8f, Options);
        var sliver = ShotQualityScorer.Score(frame, new BoundingBox(100, 50, 10, 100), 0.8f, Options);
        var unsure = ShotQualityScorer.Score(frame, new BoundingBox(100, 50, 40, 100), 0.2f, Options);

        Assert.Equal(1, standing.Aspect, 6);
        Assert.True(standing.Total > square.Total && standing.Total > sliver.Total);
        Assert.True(standing.Total > unsure.Total);
        Assert.All(new[] { standing, square, sliver, unsure }, q => Assert.InRange(q.Total, 0, 1));
    }

    [Fact]
    public void A_box_outside_the_frame_scores_zero()
    {
        using var frame = Flat(100, 100);

        Assert.Equal(0, ShotQualityScorer.Score(frame, new BoundingBox(200, 200, 20, 50), 1f, Options).Total);
    }

    private static Mat Textured(int width, int height)
    {
        var frame = new Mat(height, width, MatType.CV_8UC3);
        Cv2.Randu(frame, new Scalar(0, 0, 0), new Scalar(255, 255, 255));
        return frame;
    }

    private static Mat Flat(int width, int height) => new(height, width, MatType.CV_8UC3, new Scalar(90, 120, 150));
}
