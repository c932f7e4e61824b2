namespace VfeTps.Stream.Contracts.Tests;

public sealed class CropIdsTests
{
    [Theory]
    [InlineData("lobby", 0L, 0)]
    [InlineData("gate-2", 1_764_000_000_123L, 3)]
    [InlineData("7", long.MaxValue, int.MaxValue)]
    public void Created_ids_parse_back_to_their_parts(string cameraId, long trackId, int shotIndex)
    {
        var cropId = CropIds.Create(cameraId, trackId, shotIndex);

        Assert.True(CropIds.TryParse(cropId, out var camera, out var track, out var shot));
        Assert.Equal((cameraId, trackId, shotIndex), (camera, track, shot));
        Assert.Equal(cropId, CropIds.Create(camera, track, shot));
    }

    [Fact]
    public void The_id_is_camera_track_and_shot_joined_by_dots()
    {
        Assert.Equal("gate-2.42.1", CropIds.Create("gate-2", 42, 1));
    }

    [Fact]
    public void The_same_parts_always_give_the_same_id()
    {
        Assert.Equal(CropIds.Create("lobby", 9, 2), CropIds.Create("lobby", 9, 2));
        Assert.NotEqual(CropIds.Create("lobby", 9, 2), CropIds.Create("lobby", 9, 3));
    }

    [Theory]
    [InlineData("Lobby")]
    [InlineData("")]
    [InlineData("lobby.1")]
    [InlineData("-lobby")]
    public void Create_refuses_an_invalid_camera_id(string cameraId)
    {
        Assert.Throws<ArgumentException>(() => CropIds.Create(cameraId, 1, 0));
    }

    [Fact]
    public void Create_refuses_negative_track_and_shot_numbers()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CropIds.Create("lobby", -1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CropIds.Create("lobby", 1, -1));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("lobby")] // one part
    [InlineData("lobby.1")] // two parts
    [InlineData("lobby.1.2.3")] // four parts
    [InlineData("lobby..2")] // empty track
    [InlineData("lobby.1.")] // empty shot
    [InlineData(".1.2")] // empty camera
    [InlineData("Lobby.1.2")] // invalid camera id
    [InlineData("lob by.1.2")]
    [InlineData("lobby.-1.2")] // signs
    [InlineData("lobby.+1.2")]
    [InlineData("lobby.1.-2")]
    [InlineData("lobby.1.+2")]
    [InlineData("lobby. 1.2")] // white space
    [InlineData("lobby.1.2 ")]
    [InlineData("lobby.1x.2")]
    [InlineData("lobby.0x1.2")]
    [InlineData("lobby.1.2.5")]
    [InlineData("lobby.1e3.2")]
    [InlineData("lobby.1,000.2")]
    [InlineData("lobby.99999999999999999999.2")] // track beyond long
    [InlineData("lobby.1.9999999999")] // shot beyond int
    [InlineData("lobby.٣.2")] // a non-ASCII digit
    public void Malformed_ids_do_not_parse(string? cropId)
    {
        Assert.False(CropIds.TryParse(cropId, out var camera, out var track, out var shot));
        Assert.Equal((string.Empty, 0L, 0), (camera, track, shot));
    }

    [Theory]
    [InlineData("lobby.01.2")]
    [InlineData("lobby.1.02")]
    [InlineData("lobby.00.0")]
    public void Ids_with_leading_zeros_do_not_parse_because_Create_never_makes_them(string cropId)
    {
        // "lobby.01.2" and "lobby.1.2" would otherwise name the same crop with two different ids.
        Assert.False(CropIds.TryParse(cropId, out _, out _, out _));
    }
}
