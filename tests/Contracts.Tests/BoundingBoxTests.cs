namespace VfeTps.Stream.Contracts.Tests;

public sealed class BoundingBoxTests
{
    [Fact]
    public void Identical_boxes_overlap_completely()
    {
        var box = new BoundingBox(10, 20, 30, 40);

        Assert.Equal(1.0, box.IntersectionOverUnion(box), 12);
    }

    [Fact]
    public void Partial_overlap_is_intersection_over_union()
    {
        // 10×10 boxes shifted by 5 in x: intersection 5×10 = 50, union 100 + 100 − 50 = 150.
        var a = new BoundingBox(0, 0, 10, 10);
        var b = new BoundingBox(5, 0, 10, 10);

        Assert.Equal(50.0 / 150.0, a.IntersectionOverUnion(b), 12);
        Assert.Equal(a.IntersectionOverUnion(b), b.IntersectionOverUnion(a), 12);
    }

    [Fact]
    public void Disjoint_boxes_do_not_overlap()
    {
        var a = new BoundingBox(0, 0, 10, 10);
        var b = new BoundingBox(100, 100, 10, 10);

        Assert.Equal(0, a.IntersectionOverUnion(b));
    }

    [Fact]
    public void Boxes_that_only_touch_at_an_edge_or_corner_do_not_overlap()
    {
        var a = new BoundingBox(0, 0, 10, 10);

        Assert.Equal(0, a.IntersectionOverUnion(new BoundingBox(10, 0, 10, 10)));
        Assert.Equal(0, a.IntersectionOverUnion(new BoundingBox(0, 10, 10, 10)));
        Assert.Equal(0, a.IntersectionOverUnion(new BoundingBox(10, 10, 10, 10)));
    }

    [Fact]
    public void A_contained_box_scores_its_share_of_the_outer_area()
    {
        var outer = new BoundingBox(0, 0, 20, 20);
        var inner = new BoundingBox(5, 5, 10, 10);

        Assert.Equal(100.0 / 400.0, outer.IntersectionOverUnion(inner), 12);
        Assert.Equal(100.0 / 400.0, inner.IntersectionOverUnion(outer), 12);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 0)]
    [InlineData(-5, 10)]
    [InlineData(10, -5)]
    public void An_empty_box_overlaps_nothing(int width, int height)
    {
        var empty = new BoundingBox(2, 2, width, height);
        var other = new BoundingBox(0, 0, 20, 20);

        Assert.Equal(0, empty.IntersectionOverUnion(other));
        Assert.Equal(0, other.IntersectionOverUnion(empty));
        Assert.Equal(0, empty.IntersectionOverUnion(empty));
    }

    [Fact]
    public void Huge_boxes_do_not_overflow()
    {
        var a = new BoundingBox(0, 0, 1_000_000, 1_000_000);
        var b = new BoundingBox(0, 0, 1_000_000, 500_000);

        Assert.Equal(0.5, a.IntersectionOverUnion(b), 12);
        Assert.Equal(1_000_000_000_000L, a.Area);
    }

    [Fact]
    public void Right_bottom_and_area_follow_from_the_corner_and_size()
    {
        var box = new BoundingBox(3, 4, 5, 6);

        Assert.Equal(8, box.Right);
        Assert.Equal(10, box.Bottom);
        Assert.Equal(30, box.Area);
        Assert.Equal(0, new BoundingBox(0, 0, -3, 4).Area);
    }

    [Fact]
    public void A_box_inside_the_frame_is_unchanged_by_clamping()
    {
        var box = new BoundingBox(10, 20, 30, 40);

        Assert.Equal(box, box.ClampTo(640, 480));
    }

    [Fact]
    public void A_box_across_the_frame_edges_is_cut_to_the_frame()
    {
        Assert.Equal(new BoundingBox(0, 0, 15, 25), new BoundingBox(-5, -5, 20, 30).ClampTo(640, 480));
        Assert.Equal(new BoundingBox(630, 470, 10, 10), new BoundingBox(630, 470, 50, 50).ClampTo(640, 480));
        Assert.Equal(new BoundingBox(0, 0, 640, 480), new BoundingBox(-100, -100, 1000, 1000).ClampTo(640, 480));
    }

    [Theory]
    [InlineData(-50, 10, 20, 20)] // left of the frame
    [InlineData(700, 10, 20, 20)] // right of it
    [InlineData(10, -50, 20, 20)] // above
    [InlineData(10, 500, 20, 20)] // below
    [InlineData(640, 480, 20, 20)] // starting exactly at the far corner
    public void A_box_outside_the_frame_clamps_to_an_empty_box_within_it(int x, int y, int width, int height)
    {
        var clamped = new BoundingBox(x, y, width, height).ClampTo(640, 480);

        Assert.Equal(0, clamped.Area);
        Assert.InRange(clamped.X, 0, 640);
        Assert.InRange(clamped.Y, 0, 480);
        Assert.True(clamped.Width >= 0 && clamped.Height >= 0, $"Clamping gave a negative size: {clamped}.");
        Assert.InRange(clamped.Right, 0, 640);
        Assert.InRange(clamped.Bottom, 0, 480);
    }

    [Fact]
    public void A_box_with_a_negative_size_clamps_to_an_empty_box_not_a_negative_one()
    {
        var clamped = new BoundingBox(100, 100, -20, -30).ClampTo(640, 480);

        Assert.Equal(0, clamped.Area);
        Assert.True(clamped.Width >= 0 && clamped.Height >= 0, $"Clamping gave a negative size: {clamped}.");
    }

    [Theory]
    [InlineData(-1, 480)]
    [InlineData(640, -1)]
    public void A_negative_frame_size_is_refused(int frameWidth, int frameHeight)
    {
        var box = new BoundingBox(10, 10, 20, 20);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => box.ClampTo(frameWidth, frameHeight));
        Assert.Contains("frame", error.ParamName, StringComparison.Ordinal);
    }
}
