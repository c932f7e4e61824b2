namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// The surface variety of real annotations: most are in sentence case, some all lower case, some tokenised
/// with spaces before punctuation, some without the final full stop.
/// </summary>
internal static class CaptionStyle
{
    public static string Apply(string text, Random random) => random.Next(100) switch
    {
        < 62 => text,
        < 80 => text.ToLowerInvariant(),
        < 90 => text.ToLowerInvariant().Replace(",", " ,", StringComparison.Ordinal).Replace(".", " .", StringComparison.Ordinal),
        _ => text.TrimEnd('.'),
    };
}
