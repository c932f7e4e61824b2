namespace VfeTps.Stream.Contracts.Tests;

public sealed class VideoFrameTests
{
    [Fact]
    public void A_frame_keeps_its_size_and_pixels()
    {
        var pixels = new byte[4 * 2 * 3];
        pixels[5] = 7;

        var frame = new VideoFrame(4, 2, pixels);

        Assert.Equal(4, frame.Width);
        Assert.Equal(2, frame.Height);
        Assert.Equal(12, frame.Stride);
        Assert.Same(pixels, frame.Bgr);
    }

    [Theory]
    [InlineData(4, 2, 23)]
    [InlineData(4, 2, 25)]
    [InlineData(4, 2, 8)] // one byte per pixel (grey), not BGR
    [InlineData(4, 2, 0)]
    public void A_buffer_of_the_wrong_length_is_refused_naming_the_size_needed(int width, int height, int length)
    {
        var error = Assert.Throws<ArgumentException>(() => new VideoFrame(width, height, new byte[length]));

        Assert.Equal("bgr", error.ParamName);
        Assert.Contains("24", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(4, 0)]
    [InlineData(-4, 2)]
    [InlineData(4, -2)]
    public void A_size_that_is_not_positive_is_refused(int width, int height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new VideoFrame(width, height, new byte[24]));
    }

    [Fact]
    public void A_size_whose_byte_count_overflows_int_is_refused_not_wrapped()
    {
        // 50 000 × 50 000 × 3 overflows int; wrapped arithmetic could match some small buffer.
        Assert.Throws<ArgumentException>(() => new VideoFrame(50_000, 50_000, new byte[24]));
    }

    [Fact]
    public void Missing_pixels_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new VideoFrame(4, 2, null!));
    }
}
