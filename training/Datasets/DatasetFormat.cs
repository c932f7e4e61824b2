namespace VfeTps.Stream.Datasets;

/// <summary>The text–person data set formats the loader reads.</summary>
public enum DatasetFormat
{
    /// <summary>CUHK-PEDES: <c>reid_raw.json</c>, images under <c>imgs/</c>; train, val and test.</summary>
    CuhkPedes,

    /// <summary>ICFG-PEDES: <c>ICFG-PEDES.json</c>, images under <c>imgs/</c>; train and test only.</summary>
    IcfgPedes,

    /// <summary>RSTPReid: <c>data_captions.json</c> with <c>img_path</c>, images under <c>imgs/</c>; train, val and test.</summary>
    RstpReid,

    /// <summary>SynthPedes (our generator): <c>synthpedes.json</c>, images relative to the data set folder.</summary>
    SynthPedes,
}
