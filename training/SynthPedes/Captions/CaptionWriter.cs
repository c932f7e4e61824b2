namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// Writes natural-language descriptions of a pedestrian from the ground truth: synonyms, varied clause order,
/// details left out, 20–60 words, and only what the viewpoint shows. Also the way to write text queries for
/// an evaluation: pass <c>view: null</c> to describe the look regardless of viewpoint.
/// </summary>
public static class CaptionWriter
{
    public const int MinWords = 20;
    public const int MaxWords = 60;

    /// <summary>One caption of <see cref="MinWords"/>–<see cref="MaxWords"/> words.</summary>
    /// <param name="attributes">The look to describe.</param>
    /// <param name="view">The viewpoint of the image being described, or null for a query about the person.</param>
    /// <param name="random">Source of all choices; the same sequence gives the same caption.</param>
    public static string Describe(PedestrianAttributes attributes, Viewpoint? view, Random random)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(random);
        var richness = 0.55;
        for (var attempt = 0; attempt < 12; attempt++)
        {
            var sentences = new CaptionComposer(attributes, view, random, richness).Compose();
            var words = CaptionText.CountWords(string.Join(' ', sentences));
            if (words is >= MinWords and <= MaxWords)
            {
                return CaptionStyle.Apply(string.Join(' ', sentences), random);
            }

            richness = words < MinWords ? Math.Min(1.0, richness + 0.15) : Math.Max(0.0, richness - 0.15);
        }

        return CaptionStyle.Apply(string.Join(' ', Fit(new CaptionComposer(attributes, view, random, richness))), random);
    }

    /// <summary><paramref name="count"/> different captions of the same image.</summary>
    public static IReadOnlyList<string> WriteCaptions(PedestrianAttributes attributes, Viewpoint view, Random random, int count = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var captions = new List<string>(count);
        for (var attempt = 0; captions.Count < count; attempt++)
        {
            var caption = Describe(attributes, view, random);
            if (!captions.Contains(caption, StringComparer.OrdinalIgnoreCase) || attempt >= 20)
            {
                captions.Add(caption);
            }
        }

        return captions;
    }

    /// <summary>Last resort: pad a plain look with true filler sentences, or drop follow-ups of a busy one.</summary>
    private static List<string> Fit(CaptionComposer composer)
    {
        var sentences = composer.Compose();
        using var fillers = composer.Fillers().GetEnumerator();
        while (CaptionText.CountWords(string.Join(' ', sentences)) < MinWords && fillers.MoveNext())
        {
            sentences.Add(fillers.Current);
        }

        while (CaptionText.CountWords(string.Join(' ', sentences)) > MaxWords && sentences.Count > 1)
        {
            sentences.RemoveAt(sentences.Count - 1);
        }

        return sentences;
    }
}
