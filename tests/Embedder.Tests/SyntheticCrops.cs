using VfeTps.Stream.Contracts;
using VfeTps.Stream.Preprocessing;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.Embedder.Tests;

/// <summary>
/// Person-shaped crop images (a figure on a background, colours and noise from a seed, so different
/// seeds give different embeddings), their JPEGs, and the PersonCropped events that name them.
/// </summary>
internal static class SyntheticCrops
{
    public const int Width = 48;
    public const int Height = 128;

    public static readonly DateTimeOffset FirstCapture = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    public static RgbImage Image(int seed)
    {
        var random = new Random(seed);
        var background = RandomColour(random);
        var torso = RandomColour(random);
        var legs = RandomColour(random);
        var pixels = new byte[Width * Height * 3];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var inFigure = x > Width / 4 && x < Width * 3 / 4 && y > Height / 10;
                var colour = !inFigure ? background : y < Height / 2 ? torso : legs;
                var offset = ((y * Width) + x) * 3;
                for (var channel = 0; channel < 3; channel++)
                {
                    pixels[offset + channel] = (byte)Math.Clamp(colour[channel] + random.Next(-12, 13), 0, 255);
                }
            }
        }

        return new RgbImage(Width, Height, pixels);
    }

    public static byte[] Jpeg(int seed) => ImageFiles.EncodeJpeg(Image(seed), 90);

    /// <summary>A well-formed event for camera/track/shot, its crop key the one <see cref="BlobKeys.Crop"/> gives.</summary>
    public static PersonCropped Event(string cameraId, long trackId, int shotIndex, float quality = 0.75f)
    {
        var cropId = CropIds.Create(cameraId, trackId, shotIndex);
        var capturedAt = FirstCapture.AddSeconds(trackId).AddMilliseconds(100 * shotIndex);
        return new PersonCropped(
            cropId,
            cameraId,
            trackId,
            shotIndex,
            capturedAt,
            new BoundingBox(100 + (int)trackId, 50, Width, Height),
            quality,
            BlobKeys.Crop(cropId),
            BlobKeys.Frame(cameraId, capturedAt.ToUnixTimeMilliseconds()));
    }

    /// <summary>Stores the crop's JPEG (from <paramref name="seed"/>) and returns the decoded image the Embedder will see.</summary>
    public static async Task<RgbImage> StoreAsync(IBlobStore blobs, PersonCropped crop, int seed)
    {
        var jpeg = Jpeg(seed);
        await blobs.PutAsync(crop.CropKey, jpeg, TestContext.Current.CancellationToken);
        return ImageFiles.Decode(jpeg);
    }

    private static int[] RandomColour(Random random) => [random.Next(256), random.Next(256), random.Next(256)];
}
