using VfeTps.Stream.Contracts;
using VfeTps.Stream.PersonCrop.Cropping;

namespace VfeTps.Stream.PersonCrop.Tests.Stage;

public sealed class CropGeometryTests
{
    [Fact]
    public void The_margin_grows_the_box_on_every_side()
    {
        var crop = CropGeometry.WithMargin(new BoundingBox(100, 100, 40, 100), 0.1, 640, 480);

        Assert.Equal(new BoundingBox(96, 90, 48, 120), crop);
    }

    [Fact]
    public void A_box_near_a_corner_is_clamped_to_the_frame()
    {
        var topLeft = CropGeometry.WithMargin(new BoundingBox(2, 3, 40, 100), 0.1, 640, 480);
        var bottomRight = CropGeometry.WithMargin(new BoundingBox(610, 400, 40, 100), 0.1, 640, 480);

        Assert.Equal(new BoundingBox(0, 0, 46, 113), topLeft);
        Assert.Equal(new BoundingBox(606, 390, 34, 90), bottomRight);
    }

    [Fact]
    public void A_box_outside_the_frame_gives_an_empty_crop_and_silly_arguments_are_refused()
    {
        Assert.Equal(0, CropGeometry.WithMargin(new BoundingBox(700, 500, 40, 100), 0.1, 640, 480).Area);
        Assert.Throws<ArgumentOutOfRangeException>(() => CropGeometry.WithMargin(new BoundingBox(0, 0, 1, 1), -0.1, 640, 480));
        Assert.Throws<ArgumentOutOfRangeException>(() => CropGeometry.WithMargin(new BoundingBox(0, 0, 1, 1), 0.1, 0, 480));
    }
}
