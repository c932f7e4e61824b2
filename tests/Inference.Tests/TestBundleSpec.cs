namespace VfeTps.Stream.Inference.Tests;

/// <summary>What <see cref="TestBundle.Write"/> puts in a bundle; the defaults give a valid one.</summary>
internal sealed record TestBundleSpec
{
    public string ModelVersion { get; init; } = "stand-in-1";

    /// <summary>Weight seed: bundles with different seeds embed differently.</summary>
    public int Seed { get; init; } = 1;

    public ImageTowerKind Image { get; init; } = ImageTowerKind.Good;

    public TextTowerKind Text { get; init; } = TextTowerKind.Good;

    /// <summary>The input height the image graph declares (the manifest always says <see cref="TestBundle.Height"/>).</summary>
    public int ImageGraphHeight { get; init; } = TestBundle.Height;

    /// <summary>The embedding size the image graph produces (the manifest always says <see cref="TestBundle.EmbeddingSize"/>).</summary>
    public int ImageGraphEmbeddingSize { get; init; } = TestBundle.EmbeddingSize;

    /// <summary>Replaces the image tower file's bytes, e.g. with garbage.</summary>
    public byte[]? ImageTowerBytes { get; init; }
}
