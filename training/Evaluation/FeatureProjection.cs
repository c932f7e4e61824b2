namespace VfeTps.Stream.Evaluation;

/// <summary>Projects features to 2-D by the chosen <see cref="ProjectionMethod"/>.</summary>
public static class FeatureProjection
{
    /// <summary>One 2-D point per row of <paramref name="features"/>, in row order.</summary>
    /// <param name="features">The features to project.</param>
    /// <param name="method">t-SNE or PCA.</param>
    /// <param name="tsneOptions">t-SNE settings (ignored for PCA); defaults when null.</param>
    /// <param name="cancellationToken">Stops the computation.</param>
    public static Point2D[] Project(
        EmbeddingMatrix features,
        ProjectionMethod method,
        TsneOptions? tsneOptions = null,
        CancellationToken cancellationToken = default) =>
        method switch
        {
            ProjectionMethod.Tsne => TsneProjection.Project(features, tsneOptions, cancellationToken),
            ProjectionMethod.Pca => PcaProjection.Project(features, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown projection method."),
        };
}
