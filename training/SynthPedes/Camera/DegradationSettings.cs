namespace VfeTps.Stream.SynthPedes;

/// <summary>The data set's difficulty knobs for image quality; 1 is the default strength.</summary>
/// <param name="NoiseStrength">Multiplies every camera's sensor noise (0 turns it off).</param>
/// <param name="BlurStrength">Multiplies every camera's blur and loss of resolution (0 turns them off).</param>
/// <param name="OcclusionProbability">Chance that a shot has a pole, car, bin, box or passer-by in front of the person.</param>
/// <param name="JpegQualityMin">Lowest JPEG quality of any shot.</param>
/// <param name="JpegQualityMax">Highest JPEG quality of any shot.</param>
public sealed record DegradationSettings(
    float NoiseStrength = 1f,
    float BlurStrength = 1f,
    double OcclusionProbability = 0.3,
    int JpegQualityMin = 30,
    int JpegQualityMax = 95);
