namespace VfeTps.Stream.Preprocessing.Tests;

public sealed class RgbImageTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(-2, 3)]
    public void Constructor_RejectsNonPositiveSizes(int width, int height)
    {
        Assert.ThrowsAny<ArgumentException>(() => new RgbImage(width, height, []));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(8)] // RGBA-sized buffer for 2×1: a likely mistake
    public void Constructor_RejectsBufferOfTheWrongLength(int length)
    {
        var exception = Assert.Throws<ArgumentException>(() => new RgbImage(2, 1, new byte[length]));
        Assert.Contains("6 bytes", exception.Message);
        Assert.Contains(length.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message);
    }

    [Fact]
    public void FromBgr_SwapsChannelsAndSkipsRowPadding()
    {
        // 2×2 BGR with a stride of 8: 6 pixel bytes then 2 padding bytes per row; the last row is unpadded.
        byte[] bgr =
        [
            1, 2, 3, 4, 5, 6, 99, 99,
            7, 8, 9, 10, 11, 12,
        ];

        var image = RgbImage.FromBgr(bgr, width: 2, height: 2, stride: 8);

        Assert.Equal(2, image.Width);
        Assert.Equal(2, image.Height);
        Assert.Equal(new byte[] { 3, 2, 1, 6, 5, 4, 9, 8, 7, 12, 11, 10 }, image.Pixels);
    }

    [Fact]
    public void FromBgr_RejectsAStrideShorterThanARow()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => RgbImage.FromBgr(new byte[12], 2, 2, stride: 5));
        Assert.Contains("stride", exception.Message);
    }

    [Fact]
    public void FromBgr_RejectsABufferTooShortForTheStride()
    {
        // Needs 8 × 1 + 6 = 14 bytes.
        var exception = Assert.Throws<ArgumentException>(() => RgbImage.FromBgr(new byte[13], 2, 2, stride: 8));
        Assert.Contains("14", exception.Message);
    }
}
