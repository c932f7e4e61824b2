namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// A fixed table of standard-normal samples. Each image reads it from its own random offset and stride, which
/// is as good as fresh Gaussian noise for a picture and many times faster than Box–Muller per pixel.
/// </summary>
internal static class NoiseTable
{
    public const int Size = 1 << 16;

    public static readonly float[] Samples = Create();

    private static float[] Create()
    {
        var random = new Random(0x5EED);
        var samples = new float[Size];
        for (var i = 0; i < Size; i++)
        {
            samples[i] = random.Gaussian();
        }

        return samples;
    }
}
