using VfeTps.Stream.Embedder.Tests;
using VfeTps.Stream.Inference;

[assembly: AssemblyFixture(typeof(RealModel))]

namespace VfeTps.Stream.Embedder.Tests;

/// <summary>
/// The committed default model (models/tiny-synthpedes-20261128) on the CPU, loaded once for the
/// whole test assembly: the Embedder is tested with the real image tower, not a stand-in.
/// </summary>
public sealed class RealModel : IDisposable
{
    public const string BundleName = "tiny-synthpedes-20261128";

    public RealModel()
    {
        BundleDirectory = Path.Combine(FindRepositoryRoot(), "models", BundleName);
        Serving = new ServingModel(new ModelBundleLoader(new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Cpu }), BundleDirectory);
        using var lease = Serving.Acquire();
        ModelVersion = lease.ModelVersion;
        Dimension = lease.ImageEncoder.EmbeddingSize;
    }

    public string BundleDirectory { get; }

    public ServingModel Serving { get; }

    public string ModelVersion { get; }

    public int Dimension { get; }

    /// <summary>What the image tower makes of a crop on its own (one image, one run), L2-normalised.</summary>
    public float[] EmbedNormalised(Preprocessing.RgbImage crop)
    {
        using var lease = Serving.Acquire();
        return Vectors.Normalised(lease.ImageEncoder.Embed(crop));
    }

    public void Dispose() => Serving.Dispose();

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "VfeTps.Stream.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No VfeTps.Stream.sln above {AppContext.BaseDirectory}.");
    }
}
