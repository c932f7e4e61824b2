namespace VfeTps.Stream.Datasets;

/// <summary>A part of a data set.</summary>
public enum DatasetSplit
{
    /// <summary>Training images; their labels feed the identity losses.</summary>
    Train,

    /// <summary>Validation images ("val" in the files); empty for ICFG-PEDES.</summary>
    Validation,

    /// <summary>Test images: the gallery and the source of queries for evaluation.</summary>
    Test,
}
