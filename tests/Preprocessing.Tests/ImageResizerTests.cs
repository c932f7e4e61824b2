namespace VfeTps.Stream.Preprocessing.Tests;

public sealed class ImageResizerTests
{
    [Theory]
    [InlineData(384, 128, 96, 32)]
    [InlineData(37, 53, 128, 384)]
    [InlineData(7, 5, 3, 2)]
    [InlineData(1, 1, 4, 9)]
    [InlineData(64, 48, 1, 1)]
    public void ConstantImage_StaysConstant(int width, int height, int newWidth, int newHeight)
    {
        var image = TestImages.Solid(width, height, 200, 17, 255);

        var resized = ImageResizer.Resize(image, newWidth, newHeight);

        Assert.Equal(newWidth, resized.Width);
        Assert.Equal(newHeight, resized.Height);
        for (var offset = 0; offset < resized.Pixels.Length; offset += 3)
        {
            Assert.Equal((200, 17, 255), (resized.Pixels[offset], resized.Pixels[offset + 1], resized.Pixels[offset + 2]));
        }
    }

    [Fact]
    public void Upscale_TwoToFour_InterpolatesWithHalfPixelCentresAndClampedEdges()
    {
        // Output centres map to source x = 0.25, 0.75, 1.25, 1.75 (align_corners = false): the outer
        // two clamp to the edge pixels, the inner two are 3:1 and 1:3 blends of 0 and 4.
        var image = TestImages.Create(2, 1, (x, _) => x == 0 ? ((byte)0, (byte)40, (byte)8) : ((byte)4, (byte)0, (byte)8));

        var resized = ImageResizer.Resize(image, 4, 1);

        Assert.Equal([[0, 1, 3, 4]], TestImages.Channel(resized, 0));
        Assert.Equal([[40, 30, 10, 0]], TestImages.Channel(resized, 1));
        Assert.Equal([[8, 8, 8, 8]], TestImages.Channel(resized, 2));
    }

    [Fact]
    public void Downscale_FourToTwo_AveragesWithAWidenedTriangleInsteadOfPointSampling()
    {
        // Halving doubles the triangle's support to 2 source pixels. Output 0 (centre 1.0) weighs source
        // pixels 0, 1, 2 by 0.75, 0.75, 0.25 → 3/7, 3/7, 1/7; output 1 (centre 3.0) weighs 1, 2, 3 by 1/7, 3/7, 3/7.
        // Columns 0 0 70 70 → (0 + 0 + 70)/7 = 10 and (0 + 210 + 210)/7 = 60.
        // Rows add 0 0 35 35 → +5 and +30. Point sampling would give only 0/70 and 0/35 combinations.
        int[] columns = [0, 0, 70, 70];
        int[] rows = [0, 0, 35, 35];
        var image = TestImages.Create(4, 4, (x, y) => ((byte)(columns[x] + rows[y]), 100, (byte)(columns[y] + rows[x])));

        var resized = ImageResizer.Resize(image, 2, 2);

        Assert.Equal([[15, 65], [40, 90]], TestImages.Channel(resized, 0));
        Assert.Equal([[100, 100], [100, 100]], TestImages.Channel(resized, 1));
        Assert.Equal([[15, 40], [65, 90]], TestImages.Channel(resized, 2)); // transposed pattern: axes are not mixed up
    }

    [Fact]
    public void Downscale_OfAnAlternatingPattern_GivesItsMeanNotOneOfItsValues()
    {
        // A 1-pixel checkerboard reduced 3×: without antialiasing every output centre lands exactly on
        // one source pixel, so it would return 0 or 200. The widened filter gives values near the mean.
        var image = TestImages.Create(30, 30, (x, y) => ((x + y) % 2 == 0 ? (byte)200 : (byte)0, 0, 0));

        var resized = ImageResizer.Resize(image, 10, 10);

        Assert.All(resized.Pixels.Where((_, index) => index % 3 == 0), value => Assert.InRange(value, 60, 140));
    }

    [Theory]
    [InlineData(50, 90, 13, 31, 1)]
    [InlineData(40, 20, 97, 43, 2)]
    [InlineData(30, 60, 30, 17, 3)]
    [InlineData(30, 60, 11, 60, 4)]
    public void Resize_MatchesADirectFloatingPointEvaluationOfTheFilterWithinRounding(
        int width, int height, int newWidth, int newHeight, int seed)
    {
        var image = TestImages.Noise(width, height, seed);

        var resized = ImageResizer.Resize(image, newWidth, newHeight);

        var expected = NaiveAntialiasedBilinear.Resize(image, newWidth, newHeight);
        for (var index = 0; index < expected.Length; index++)
        {
            // The implementation rounds to bytes between its two passes (as Pillow does); the reference does not.
            Assert.InRange(resized.Pixels[index], expected[index] - 1.01, expected[index] + 1.01);
        }
    }

    [Fact]
    public void Resize_ToTheSameSize_ReturnsAnEqualCopy()
    {
        var image = TestImages.Noise(5, 4, seed: 9);

        var resized = ImageResizer.Resize(image, 5, 4);

        Assert.Equal(image.Pixels, resized.Pixels);
        Assert.NotSame(image.Pixels, resized.Pixels);
    }

    [Fact]
    public void Resize_IsDeterministic()
    {
        var image = TestImages.Noise(61, 47, seed: 5);

        Assert.Equal(ImageResizer.Resize(image, 23, 89).Pixels, ImageResizer.Resize(image, 23, 89).Pixels);
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(4, 0)]
    [InlineData(-1, 4)]
    public void Resize_RejectsNonPositiveSizes(int width, int height)
    {
        Assert.ThrowsAny<ArgumentException>(() => ImageResizer.Resize(TestImages.Solid(2, 2, 0, 0, 0), width, height));
    }
}
