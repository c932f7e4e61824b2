namespace VfeTps.Stream.SynthPedes;

/// <summary>Images written so far out of all images of the set.</summary>
public readonly record struct SynthPedesProgress(int ImagesDone, int ImagesTotal);
