namespace VfeTps.Stream.Training.Data;

/// <summary>
/// Derives seeds from several integers with SplitMix64. Unlike <see cref="HashCode"/>, which is
/// randomised per process, the result is the same in every run, which exact resumption needs.
/// </summary>
public static class StableSeed
{
    public static int Of(params ReadOnlySpan<int> parts)
    {
        var state = 0x9E3779B97F4A7C15UL;
        foreach (var part in parts)
            state = Mix(state ^ (ulong)(uint)part);
        return (int)(state & 0x7FFFFFFF);
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
