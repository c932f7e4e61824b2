namespace VfeTps.Stream.Preprocessing.Tests;

/// <summary>Every kind of bad input must fail loudly, naming the file, never give a blank or partial image.</summary>
public sealed class ImageDecodeFailureTests
{
    [Fact]
    public void RandomBytes_AreReportedAsNotAnImage()
    {
        using var directory = new TempDirectory();
        var path = directory.PathOf("random.jpg");
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);

        var exception = Assert.Throws<ImageDecodeException>(() => ImageFiles.Load(path));

        Assert.Contains(path, exception.Message);
        Assert.Contains("not an image", exception.Message);
        Assert.Equal(path, exception.FilePath);
    }

    [Fact]
    public void TruncatedJpeg_IsReportedAsTruncated()
    {
        using var directory = new TempDirectory();
        var path = directory.PathOf("truncated.jpg");
        var encoded = ImageFiles.EncodeJpeg(TestImages.Noise(96, 96, seed: 3), quality: 90);
        File.WriteAllBytes(path, encoded[..(encoded.Length / 2)]);

        var exception = Assert.Throws<ImageDecodeException>(() => ImageFiles.Load(path));

        Assert.Contains(path, exception.Message);
        Assert.Contains("truncated", exception.Message);
    }

    [Fact]
    public void TruncatedPng_IsRejected()
    {
        using var directory = new TempDirectory();
        var path = directory.PathOf("truncated.png");
        var encoded = ImageFiles.EncodePng(TestImages.Noise(64, 64, seed: 4));
        File.WriteAllBytes(path, encoded[..(encoded.Length * 2 / 3)]);

        var exception = Assert.Throws<ImageDecodeException>(() => ImageFiles.Load(path));

        Assert.Contains(path, exception.Message);
    }

    [Fact]
    public void EmptyFile_IsReportedAsEmpty()
    {
        using var directory = new TempDirectory();
        var path = directory.PathOf("empty.png");
        File.WriteAllBytes(path, []);

        var exception = Assert.Throws<ImageDecodeException>(() => ImageFiles.Load(path));

        Assert.Contains(path, exception.Message);
        Assert.Contains("empty", exception.Message);
    }

    [Fact]
    public void TextFile_IsReportedAsNotAnImage()
    {
        using var directory = new TempDirectory();
        var path = directory.PathOf("notes.png");
        File.WriteAllText(path, "a man in a red jacket\n");

        var exception = Assert.Throws<ImageDecodeException>(() => ImageFiles.Load(path));

        Assert.Contains(path, exception.Message);
        Assert.Contains("not an image", exception.Message);
    }

    [Fact]
    public void MissingFile_IsReportedAsMissing()
    {
        using var directory = new TempDirectory();
        var path = directory.PathOf("absent.jpg");

        var exception = Assert.Throws<ImageDecodeException>(() => ImageFiles.Load(path));

        Assert.Contains(path, exception.Message);
        Assert.Contains("does not exist", exception.Message);
    }

    [Fact]
    public void Decode_OfABadBuffer_NamesTheSourceWhenGiven()
    {
        var exception = Assert.Throws<ImageDecodeException>(() => ImageFiles.Decode("GIF89a?"u8, "camera 3 frame 118"));

        Assert.Contains("camera 3 frame 118", exception.Message);
    }

    [Fact]
    public void Decode_OfAnEmptyBuffer_SaysItIsEmpty()
    {
        var exception = Assert.Throws<ImageDecodeException>(() => ImageFiles.Decode([]));

        Assert.Contains("empty", exception.Message);
        Assert.Null(exception.FilePath);
    }
}
