using VfeTps.Stream.PersonCrop.Detection;

namespace VfeTps.Stream.PersonCrop.Tests.Detection;

public sealed class NonMaximumSuppressionTests
{
    [Fact]
    public void The_best_box_of_an_overlapping_group_survives_and_separate_boxes_stay()
    {
        ScoredBox[] boxes =
        [
            new(0, 0, 10, 20, 0.6f),
            new(1, 0, 11, 20, 0.9f),  // overlaps the first (IoU 0.82) and beats it
            new(50, 0, 60, 20, 0.4f), // apart
            new(5, 0, 15, 20, 0.7f),  // overlaps the best by IoU 0.43: under 0.45, kept
        ];

        var kept = NonMaximumSuppression.Apply(boxes, 0.45f, maxKept: 10);

        Assert.Equal([0.9f, 0.7f, 0.4f], kept.Select(box => box.Score));
    }

    [Fact]
    public void At_most_maxKept_boxes_are_returned_the_best_ones()
    {
        var boxes = Enumerable.Range(0, 10).Select(i => new ScoredBox(i * 100, 0, (i * 100) + 10, 20, i / 10f));

        var kept = NonMaximumSuppression.Apply(boxes, 0.5f, maxKept: 3);

        Assert.Equal([0.9f, 0.8f, 0.7f], kept.Select(box => box.Score));
    }
}
