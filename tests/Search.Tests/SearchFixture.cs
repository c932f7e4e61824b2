using VfeTps.Stream.Contracts;
using VfeTps.Stream.Inference;
using VfeTps.Stream.Preprocessing;
using VfeTps.Stream.Storage;
using VfeTps.Stream.VectorIndex;

[assembly: AssemblyFixture(typeof(VfeTps.Stream.Search.Tests.SearchFixture))]

namespace VfeTps.Stream.Search.Tests;

/// <summary>
/// What every test searches: the committed default model (a real <see cref="ServingModel"/>), a blob
/// store on disk and a vector index holding real image-tower embeddings of generated person crops
/// from three cameras (three tracks of three shots each), with their crop and frame JPEGs. A fourth
/// camera, <see cref="BrokenCamera"/>, holds crops whose stored files are missing or damaged.
/// </summary>
public sealed class SearchFixture : IAsyncLifetime
{
    public const int TracksPerCamera = 3;
    public const int ShotsPerTrack = 3;
    public const int FrameWidth = 160;
    public const int FrameHeight = 120;
    public const string BrokenCamera = "broken-cam";

    /// <summary>In the index, but its frame was never stored.</summary>
    public const string CropWithoutFrame = "broken-cam.1.0";

    /// <summary>In the index, but its stored frame is not a JPEG.</summary>
    public const string CropWithDamagedFrame = "broken-cam.2.0";

    /// <summary>In the index, but its crop image was never stored.</summary>
    public const string CropWithoutImage = "broken-cam.3.0";

    /// <summary>The grey of every stored frame.</summary>
    public const byte FrameGrey = 110;

    public static readonly IReadOnlyList<string> Cameras = ["entrance", "lobby", "car-park"];

    public static readonly DateTimeOffset Start = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();
    private readonly List<StoredCrop> _crops = [];

    internal ServingModel Model { get; private set; } = null!;

    internal LocalFolderBlobStore Blobs { get; private set; } = null!;

    internal IVectorIndex Index { get; private set; } = null!;

    internal IReadOnlyList<StoredCrop> Crops => _crops;

    internal string ModelVersion => Model.ModelVersion;

    internal int Dimension { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var options = new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Cpu, IntraOpThreads = 1 };
        Model = new ServingModel(new ModelBundleLoader(options), RepositoryPaths.DefaultModel);
        Blobs = new LocalFolderBlobStore(_temp.CreateSubdirectory("blobs"));
        using var lease = Model.Acquire();
        Dimension = lease.ImageEncoder.EmbeddingSize;
        Index = await TestIndexes.OpenAsync(_temp.CreateSubdirectory("index"), lease.ModelVersion, Dimension, TestContext.Current.CancellationToken);

        var cancellationToken = TestContext.Current.CancellationToken;
        var planned = new List<(string Camera, int Hour, long Track, int Shot, RgbImage Crop)>();
        foreach (var (camera, cameraIndex) in Cameras.Select((camera, index) => (camera, index)))
        {
            for (var track = 1; track <= TracksPerCamera; track++)
            {
                for (var shot = 0; shot < ShotsPerTrack; shot++)
                    planned.Add((camera, cameraIndex, track, shot, PersonCrop((cameraIndex * TracksPerCamera) + track, shot)));
            }
        }
        for (var track = 1; track <= 3; track++)
            planned.Add((BrokenCamera, Cameras.Count, track, 0, PersonCrop(20 + track, 0)));

        var embeddings = lease.ImageEncoder.EmbedBatch([.. planned.Select(p => p.Crop)]);
        var points = new List<CropVector>();
        for (var i = 0; i < planned.Count; i++)
        {
            var (camera, hour, track, shot, crop) = planned[i];
            var cropId = CropIds.Create(camera, track, shot);
            var time = Start.AddHours(hour).AddMinutes(10 * track).AddSeconds(20 * shot);
            var box = new BoundingBox(20 + (30 * shot), 10 + (5 * (int)track), 30, 90);
            var frameKey = BlobKeys.Frame(camera, time.ToUnixTimeMilliseconds());
            var vector = embeddings.RowToArray(i);

            if (cropId != CropWithoutImage)
                await Blobs.PutAsync(BlobKeys.Crop(cropId), ImageFiles.EncodeJpeg(crop, 90), cancellationToken);
            if (cropId == CropWithDamagedFrame)
                await Blobs.PutAsync(frameKey, "this is not a JPEG"u8.ToArray(), cancellationToken);
            else if (cropId != CropWithoutFrame)
                await Blobs.PutAsync(frameKey, ImageFiles.EncodeJpeg(GreyFrame(), 95), cancellationToken);

            var payload = new CropPayload(camera, track, shot, time, box, 0.9f, BlobKeys.Crop(cropId), frameKey, lease.ModelVersion);
            points.Add(new CropVector(cropId, vector, payload));
            _crops.Add(new StoredCrop(cropId, camera, track, shot, time, box, vector));
        }
        await Index.UpsertAsync(points, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Index.DisposeAsync();
        Model.Dispose();
        _temp.Dispose();
    }

    /// <summary>The text tower's embedding of a (trimmed) description, as the API computes it.</summary>
    internal float[] EmbedText(string text)
    {
        using var lease = Model.Acquire();
        return lease.TextEncoder.Embed(text.Trim());
    }

    /// <summary>The stored crops passing <paramref name="filter"/>, by descending similarity to <paramref name="query"/>.</summary>
    internal IReadOnlyList<(StoredCrop Crop, float Score)> Ranked(float[] query, Func<StoredCrop, bool>? filter = null) =>
        [.. _crops.Where(filter ?? (_ => true))
            .Select(crop => (crop, Score: Dot(query, crop.Vector)))
            .OrderByDescending(entry => entry.Score)];

    internal StoredCrop Crop(string cropId) => _crops.Single(crop => crop.CropId == cropId);

    internal static float Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return (float)sum;
    }

    /// <summary>A 32×96 "person": a shirt and trousers in colours that differ by identity, lighter or darker by shot, with some texture.</summary>
    private static RgbImage PersonCrop(int identity, int shot)
    {
        const int width = 32;
        const int height = 96;
        var random = new Random((identity * 31) + shot);
        var shirt = Palette(identity);
        var trousers = Palette(identity * 7 + 3);
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var colour = y < 12 ? (R: 220, G: 180, B: 150) : y < 50 ? shirt : trousers;
                var offset = ((y * width) + x) * 3;
                var light = (shot * 12) - 12 + random.Next(-10, 11);
                pixels[offset] = (byte)Math.Clamp(colour.R + light, 0, 255);
                pixels[offset + 1] = (byte)Math.Clamp(colour.G + light, 0, 255);
                pixels[offset + 2] = (byte)Math.Clamp(colour.B + light, 0, 255);
            }
        }
        return new RgbImage(width, height, pixels);
    }

    private static (int R, int G, int B) Palette(int index) => (index % 6) switch
    {
        0 => (200, 30, 30),
        1 => (30, 60, 200),
        2 => (240, 240, 240),
        3 => (20, 20, 20),
        4 => (230, 200, 40),
        _ => (40, 150, 60),
    };

    private static RgbImage GreyFrame()
    {
        var pixels = new byte[FrameWidth * FrameHeight * 3];
        Array.Fill(pixels, FrameGrey);
        return new RgbImage(FrameWidth, FrameHeight, pixels);
    }
}
