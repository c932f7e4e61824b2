using System.Net;
using VfeTps.Stream.Preprocessing;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.Search.Tests;

public sealed class CropImageTests(SearchFixture data) : IAsyncLifetime
{
    private SearchServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await SearchServer.StartAsync(data);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_thumbnail_is_the_stored_crop_jpeg_revalidated_on_every_view()
    {
        var response = await _server.Client.GetAsync("/api/crops/lobby.1.2/image", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await data.Blobs.GetAsync(BlobKeys.Crop("lobby.1.2"), Token), await response.ReadBytesAsync());
        Assert.NotNull(response.Headers.ETag);
        Assert.True(response.Headers.CacheControl?.Private);
        Assert.True(response.Headers.CacheControl!.NoCache);
        Assert.Null(response.Headers.CacheControl.MaxAge);
    }

    [Fact]
    public async Task A_thumbnail_the_client_has_is_answered_304()
    {
        var first = await _server.Client.GetAsync("/api/crops/lobby.1.2/image", Token);
        var again = new HttpRequestMessage(HttpMethod.Get, "/api/crops/lobby.1.2/image");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var other = new HttpRequestMessage(HttpMethod.Get, "/api/crops/lobby.1.1/image");
        other.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var notModified = await _server.Client.SendAsync(again, Token);
        var otherCrop = await _server.Client.SendAsync(other, Token);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.ReadBytesAsync());
        Assert.Equal(HttpStatusCode.OK, otherCrop.StatusCode);
        Assert.NotEqual(first.Headers.ETag, otherCrop.Headers.ETag);
    }

    [Fact]
    public async Task The_frame_shows_the_persons_box_in_green_on_the_unchanged_frame()
    {
        var crop = data.Crop("car-park.2.1");

        var response = await _server.Client.GetAsync($"/api/crops/{crop.CropId}/frame", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        var frame = ImageFiles.Decode(await response.ReadBytesAsync());
        Assert.Equal((SearchFixture.FrameWidth, SearchFixture.FrameHeight), (frame.Width, frame.Height));
        var middleRow = crop.Box.Y + (crop.Box.Height / 2);
        var middleColumn = crop.Box.X + (crop.Box.Width / 2);
        AssertGreen(frame, crop.Box.X + 1, middleRow);
        AssertGreen(frame, crop.Box.Right - 2, middleRow);
        AssertGreen(frame, middleColumn, crop.Box.Y + 1);
        AssertGreen(frame, middleColumn, crop.Box.Bottom - 2);
        AssertGrey(frame, middleColumn, middleRow);
        AssertGrey(frame, crop.Box.X - 6, middleRow);
        AssertGrey(frame, crop.Box.Right + 5, middleRow);
        Assert.NotNull(response.Headers.ETag);
        Assert.True(response.Headers.CacheControl?.Private);
    }

    [Fact]
    public async Task A_frame_the_client_has_is_answered_304()
    {
        var first = await _server.Client.GetAsync("/api/crops/entrance.3.0/frame", Token);
        var again = new HttpRequestMessage(HttpMethod.Get, "/api/crops/entrance.3.0/frame");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        // Same stored frame bytes, another box: another picture, another tag.
        var otherBox = await _server.Client.GetAsync("/api/crops/entrance.3.1/frame", Token);

        var notModified = await _server.Client.SendAsync(again, Token);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(first.Headers.ETag, notModified.Headers.ETag);
        Assert.NotEqual(first.Headers.ETag, otherBox.Headers.ETag);
    }

    [Theory]
    [InlineData("/api/crops/lobby.99.0/image")]
    [InlineData("/api/crops/lobby.99.0/frame")]
    [InlineData("/api/crops/" + SearchFixture.CropWithoutImage + "/image")]
    [InlineData("/api/crops/" + SearchFixture.CropWithoutFrame + "/frame")]
    [InlineData("/api/crops/unknown-camera.1.0/image")]
    public async Task A_missing_image_is_answered_404_with_a_problem(string path)
    {
        var response = await _server.Client.GetAsync(path, Token);

        var problem = await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(404, problem.Status);
        Assert.False(string.IsNullOrEmpty(problem.Title));
        Assert.Null(response.Headers.CacheControl);
    }

    [Theory]
    [InlineData("/api/crops/lobby/image")]
    [InlineData("/api/crops/LOBBY.1.0/image")]
    [InlineData("/api/crops/lobby.1.x/frame")]
    [InlineData("/api/crops/lobby.1.0.0/frame")]
    [InlineData("/api/crops/..%2F..%2Fetc.1.0/image")]
    [InlineData("/api/crops/lobby.1.-1/image")]
    public async Task An_invalid_crop_id_is_answered_400(string path)
    {
        var errors = await (await _server.Client.GetAsync(path, Token)).ReadValidationErrorsAsync();

        Assert.Contains("is not a crop id", Assert.Single(errors["cropId"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_frame_is_answered_500_and_other_frames_still_work()
    {
        var damaged = await _server.Client.GetAsync($"/api/crops/{SearchFixture.CropWithDamagedFrame}/frame", Token);
        var fine = await _server.Client.GetAsync("/api/crops/lobby.1.0/frame", Token);

        var problem = await damaged.ReadProblemAsync(HttpStatusCode.InternalServerError);
        Assert.Contains("cannot be decoded", problem.Title, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    private static void AssertGreen(RgbImage image, int x, int y)
    {
        var (r, g, b) = Pixel(image, x, y);
        Assert.True(g > 180 && r < 90 && b < 90, $"Expected the box's green at ({x}, {y}) but found ({r}, {g}, {b}).");
    }

    private static void AssertGrey(RgbImage image, int x, int y)
    {
        var (r, g, b) = Pixel(image, x, y);
        Assert.True(
            Math.Abs(r - SearchFixture.FrameGrey) < 12 && Math.Abs(g - SearchFixture.FrameGrey) < 12 && Math.Abs(b - SearchFixture.FrameGrey) < 12,
            $"Expected the frame's grey at ({x}, {y}) but found ({r}, {g}, {b}).");
    }

    private static (int R, int G, int B) Pixel(RgbImage image, int x, int y)
    {
        var offset = (y * image.RowBytes) + (x * 3);
        return (image.Pixels[offset], image.Pixels[offset + 1], image.Pixels[offset + 2]);
    }
}
