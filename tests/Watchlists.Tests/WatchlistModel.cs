using VfeTps.Stream.Inference;
using VfeTps.Stream.Preprocessing;

[assembly: AssemblyFixture(typeof(VfeTps.Stream.Watchlists.Tests.WatchlistModel))]

namespace VfeTps.Stream.Watchlists.Tests;

/// <summary>
/// The committed default model, served for real (CPU), and a pool of real image-tower embeddings of
/// generated person crops (the "ordinary crops" every test feeds the matcher), made once per run.
/// </summary>
public sealed class WatchlistModel : IDisposable
{
    public const int PoolSize = 400;

    public WatchlistModel()
    {
        var options = new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Cpu, IntraOpThreads = 1 };
        Serving = new ServingModel(new ModelBundleLoader(options), RepositoryPaths.DefaultModel);
        using var lease = Serving.Acquire();
        Version = lease.ModelVersion;
        Dimension = lease.ImageEncoder.EmbeddingSize;
        var crops = Enumerable.Range(0, PoolSize).Select(PersonCrop).ToArray();
        var embeddings = lease.ImageEncoder.EmbedBatch(crops);
        Pool = [.. Enumerable.Range(0, PoolSize).Select(i => Unit(embeddings.RowToArray(i)))];
    }

    internal ServingModel Serving { get; }

    internal string Version { get; }

    internal int Dimension { get; }

    /// <summary>Unit image embeddings of <see cref="PoolSize"/> different generated people.</summary>
    internal IReadOnlyList<float[]> Pool { get; }

    /// <summary>The unit text embedding of a description, as the watchlists compute it (trimmed).</summary>
    internal float[] EmbedText(string text)
    {
        using var lease = Serving.Acquire();
        return Unit(lease.TextEncoder.Embed(text.Trim()));
    }

    public void Dispose() => Serving.Dispose();

    internal static float[] Unit(float[] vector)
    {
        var norm = Math.Sqrt(vector.Sum(static v => (double)v * v));
        return [.. vector.Select(v => (float)(v / norm))];
    }

    /// <summary>A 32×96 "person": head, shirt and trousers in colours and shades that vary by identity, with pixel noise.</summary>
    private static RgbImage PersonCrop(int identity)
    {
        const int width = 32;
        const int height = 96;
        var random = new Random(identity + 1000);
        (int R, int G, int B) Colour() => (random.Next(256), random.Next(256), random.Next(256));
        var shirt = Colour();
        var trousers = Colour();
        var background = Colour();
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var inside = x > 6 && x < 26;
                var colour = !inside ? background : y < 14 ? (R: 215, G: 175, B: 145) : y < 52 ? shirt : trousers;
                var offset = ((y * width) + x) * 3;
                var noise = random.Next(-12, 13);
                pixels[offset] = (byte)Math.Clamp(colour.R + noise, 0, 255);
                pixels[offset + 1] = (byte)Math.Clamp(colour.G + noise, 0, 255);
                pixels[offset + 2] = (byte)Math.Clamp(colour.B + noise, 0, 255);
            }
        }

        return new RgbImage(width, height, pixels);
    }
}
