namespace VfeTps.Stream.Evaluation;

/// <summary>How <see cref="FeatureProjection"/> maps features to 2-D.</summary>
public enum ProjectionMethod
{
    /// <summary>Exact t-SNE (<see cref="TsneProjection"/>): keeps neighbourhoods, as in the paper's Fig. 8.</summary>
    Tsne,

    /// <summary>PCA (<see cref="PcaProjection"/>): linear, fast, keeps global layout.</summary>
    Pca,
}
