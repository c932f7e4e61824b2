namespace VfeTps.Stream.Inference.Tests;

public sealed class BundleRelativePathTests
{
    [Theory]
    [InlineData("image-tower.onnx")]
    [InlineData("tokenizer/vocab.json")]
    [InlineData("towers/v2/image tower.onnx")]
    [InlineData("..hidden/file")]
    public void Plain_relative_paths_are_accepted(string path)
    {
        Assert.Null(BundleRelativePath.Problem(path));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("../image-tower.onnx", "escapes the bundle folder")]
    [InlineData("a/../../b", "escapes the bundle folder")]
    [InlineData("a/..", "escapes the bundle folder")]
    [InlineData("/etc/passwd", "is an absolute path")]
    [InlineData("C:/models/x.onnx", "is an absolute path")]
    [InlineData("tokenizer\\vocab.json", "uses '\\'")]
    [InlineData("./image-tower.onnx", "has an empty or '.' segment")]
    [InlineData("tokenizer//vocab.json", "has an empty or '.' segment")]
    [InlineData("tokenizer/", "has an empty or '.' segment")]
    [InlineData("tab\there", "contains control characters")]
    public void Paths_that_could_leave_the_bundle_are_refused(string path, string expected)
    {
        Assert.Contains(expected, BundleRelativePath.Problem(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_path_resolves_inside_the_bundle()
    {
        using var temp = new TempDirectory();

        var resolved = BundleRelativePath.Resolve(temp.FullPath, "tokenizer/vocab.json");

        Assert.Equal(Path.Combine(temp.FullPath, "tokenizer", "vocab.json"), resolved);
        Assert.Throws<ArgumentException>(() => BundleRelativePath.Resolve(temp.FullPath, "../x"));
    }
}
