namespace VfeTps.Stream.SynthPedes;

/// <summary>What, if anything, stands between the camera and the person in a shot.</summary>
public enum OccluderKind
{
    None,
    Pole,
    Car,
    Bin,
    Box,
    Passerby,
}
