namespace VfeTps.Stream.Contracts.Tests;

public sealed class CameraIdsTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("7")]
    [InlineData("lobby")]
    [InlineData("gate-2")]
    [InlineData("0-north-entrance")]
    [InlineData("cam-")]
    public void Slugs_are_camera_ids(string id)
    {
        Assert.True(CameraIds.IsValid(id));
        CameraIds.Validate(id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-lobby")] // must start with a letter or digit
    [InlineData("Lobby")] // upper case
    [InlineData("lobby 1")]
    [InlineData("lobby.1")] // '.' separates the parts of a crop id
    [InlineData("lobby/1")] // would be a folder in blob keys
    [InlineData("lobby_1")]
    [InlineData("caméra")] // not ASCII
    [InlineData("lobby\n")]
    public void Anything_else_is_not_a_camera_id(string? id)
    {
        Assert.False(CameraIds.IsValid(id));
        var error = Assert.Throws<ArgumentException>(() => CameraIds.Validate(id));
        Assert.Contains("not a camera id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_length_limit_is_inclusive()
    {
        Assert.True(CameraIds.IsValid(new string('a', CameraIds.MaxLength)));
        Assert.False(CameraIds.IsValid(new string('a', CameraIds.MaxLength + 1)));
    }
}
