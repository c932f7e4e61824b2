using VfeTps.Stream.Training.Configuration;

namespace VfeTps.Stream.Training.Cli.Benchmarks;

/// <summary>
/// Floating-point operations of one image tower forward pass (a multiply-add counts 2), from the
/// configuration alone: the matrix products, which are all but a few per cent of the work.
/// </summary>
internal static class TowerFlops
{
    public static double PerImage(ModelConfig config)
    {
        var image = config.Image;
        double width = image.ModelWidth;
        double tokens = image.PatchCount + 1;
        var patchEmbedding = 2.0 * image.PatchCount * width * 3 * image.PatchSize * image.PatchSize;
        return patchEmbedding + (image.Layers * Block(tokens, width)) + (2.0 * width * config.EmbeddingSize);
    }

    // Per block: q/k/v (3W²), output (W²) and MLP (8W²) per token, plus scores and context (2·L²·W).
    private static double Block(double tokens, double width) =>
        (2.0 * tokens * 12 * width * width) + (2.0 * 2 * tokens * tokens * width);
}
