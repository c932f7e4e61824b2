namespace VfeTps.Stream.SynthPedes;

/// <summary>How much of the bag a viewpoint shows.</summary>
internal enum BagVisibility
{
    Hidden,

    /// <summary>Backpack from the front, shoulder bag from its far side: only straps.</summary>
    StrapsOnly,
    Full,
}
