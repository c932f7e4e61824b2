namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// Derives independent seeds from (seed, identity, image, stream) so every image can be drawn on any thread
/// in any order and still come out the same (SplitMix64 finaliser: small input changes scatter all bits).
/// </summary>
public static class SeedMixer
{
    public static int Mix(int seed, int a, int b = 0, int c = 0)
    {
        var state = (ulong)(uint)seed;
        state = Scramble(state ^ ((ulong)(uint)a * 0x9E3779B97F4A7C15UL));
        state = Scramble(state ^ ((ulong)(uint)b * 0xC2B2AE3D27D4EB4FUL));
        state = Scramble(state ^ ((ulong)(uint)c * 0x165667B19E3779F9UL));
        return (int)(state >> 33);
    }

    /// <summary>A <see cref="Random"/> seeded from <see cref="Mix"/>; .NET keeps seeded sequences stable.</summary>
    public static Random Create(int seed, int a, int b = 0, int c = 0) => new(Mix(seed, a, b, c));

    private static ulong Scramble(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
