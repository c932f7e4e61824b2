namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// Builds one caption as sentences: a main clause ("A tall person with long black hair is wearing a red coat,
/// black jeans and white shoes.") and follow-ups in random order (bag, glasses, headwear, phone, direction …).
/// <paramref name="richness"/> in [0, 1] raises or lowers how many optional details are included.
/// </summary>
internal sealed class CaptionComposer(PedestrianAttributes a, Viewpoint? view, Random random, double richness)
{
    /// <summary>Captions have no gender attribute, so possessives are always "their".</summary>
    private const string Their = "their";

    private readonly VisibleDetails _visible = VisibleDetails.For(a, view);
    private readonly CaptionPhrases _phrases = new(a, random);
    private readonly CaptionSubject _subject = CaptionSubject.Pick(random);
    private bool _adjectivesInIntro;

    public List<string> Compose()
    {
        var follow = new List<string>();
        var worn = new List<string> { _phrases.Upper(_visible.Pattern && Take(0.8)) };
        if (_visible.Lower && Take(0.85))
        {
            worn.Add(_phrases.Lower());
        }
        else if (!_visible.Lower && Take(0.4))
        {
            follow.Add($"{S} {_subject.Has} bare legs below the coat.");
        }

        if (Take(0.7))
        {
            worn.Add(_phrases.Shoes());
        }

        if (a.Headwear != Headwear.None && Take(0.75))
        {
            if (a.Headwear != Headwear.Hood && random.Chance(0.5))
            {
                worn.Insert(random.Next(1, worn.Count + 1), _phrases.Headwear(Their));
            }
            else
            {
                follow.Add(HeadwearSentence());
            }
        }

        if (a.ScarfColor is not null && Take(0.7))
        {
            follow.Add(random.Chance(0.5) ? $"{S} {_subject.Has} {_phrases.Scarf()} around {Their} neck." : $"{S} {_subject.Is} wearing {_phrases.Scarf()}.");
        }

        var intro = Intro(out var hairInIntro, out var directionInIntro);
        var main = MainClause(intro, worn);
        if (_visible.Hair && !hairInIntro && Take(0.6))
        {
            follow.Add(HairSentence());
        }

        AddAccessories(follow, ref main);
        if (view is { } v && !directionInIntro && Take(0.35))
        {
            follow.Add($"{S} {_subject.Is} {random.Pick(CaptionVocabulary.Direction(v))}.");
        }

        var shuffled = random.Permutation(follow.Count).Select(i => follow[i]);
        return [main, .. shuffled];
    }

    /// <summary>Sentences that are true of any shot, to lengthen captions of very plain looks.</summary>
    public IEnumerable<string> Fillers()
    {
        if (view is { } v)
        {
            yield return $"{S} {_subject.Is} {random.Pick(CaptionVocabulary.Direction(v))}.";
        }

        yield return $"{S} {_subject.Is} walking along the street.";
        yield return $"{S} {_subject.Verb("seems", "seem")} to be on {Their} way somewhere.";
        yield return "Nothing else stands out about the outfit.";
    }

    private string S => CaptionText.Capitalize(_subject.Text);

    private bool Take(double probability) => random.Chance(Math.Min(1.0, probability * (0.45 + richness)));

    private string Intro(out bool withHair, out bool withDirection)
    {
        var adjectives = Take(0.45) ? _phrases.Adjectives() : string.Empty;
        _adjectivesInIntro = adjectives.Length > 0;
        var noun = random.Pick<string>(["person", "pedestrian", "person", "individual"]);
        var body = adjectives.Length > 0 ? $"{adjectives} {noun}" : noun;
        var intro = random.Next(5) switch
        {
            0 => $"the {body}",
            1 => $"this {body}",
            2 when adjectives.Length == 0 => "someone",
            _ => CaptionText.WithArticle(body),
        };
        withHair = _visible.Hair && Take(0.35);
        withDirection = !withHair && view is not null && Take(0.2);
        if (withHair)
        {
            intro += $" with {_phrases.Hair()}";
        }
        else if (withDirection && view is { } v)
        {
            intro += $" {random.Pick(CaptionVocabulary.Direction(v))}";
        }

        return CaptionText.Capitalize(intro);
    }

    private string MainClause(string intro, List<string> worn)
    {
        var list = CaptionText.List(worn, oxfordComma: random.Chance(0.3));
        var verb = random.Pick<string>(["is wearing", "is wearing", "wears", "wearing", "in", "is dressed in", "has on"]);
        return $"{intro} {verb} {list}.";
    }

    private string HairSentence()
    {
        if (a.HairColor is { } color && random.Chance(0.4))
        {
            return $"{CaptionText.Capitalize(Their)} hair is {random.Pick(CaptionVocabulary.Hair(a.HairLength))} and {random.Pick(CaptionVocabulary.Hair(color))}.";
        }

        return $"{S} {_subject.Has} {_phrases.Hair()}.";
    }

    private string HeadwearSentence() => a.Headwear == Headwear.Hood
        ? $"{S} {_subject.Has} {_phrases.Headwear(Their)}."
        : random.Chance(0.5) ? $"{S} {_subject.Is} wearing {_phrases.Headwear(Their)}." : $"On {Their} head is {_phrases.Headwear(Their)}.";

    private void AddAccessories(List<string> follow, ref string main)
    {
        if (_visible.Bag == BagVisibility.Full && Take(0.85))
        {
            var bag = _phrases.Bag(Their);
            if (random.Chance(0.3))
            {
                main = $"{main[..^1]}, carrying {bag}.";
            }
            else
            {
                follow.Add(random.Next(3) switch
                {
                    0 => $"{S} {_subject.Is} carrying {bag}.",
                    1 => $"{S} {_subject.Verb("carries", "carry")} {bag}.",
                    _ => $"{S} {_subject.Has} {bag}.",
                });
            }
        }
        else if (_visible.Bag == BagVisibility.StrapsOnly && Take(0.6))
        {
            follow.Add($"{S} {_subject.Has} {_phrases.Straps()}.");
        }

        if (_visible.Glasses && Take(0.8))
        {
            follow.Add($"{S} {_subject.Verb("wears", "wear")} {random.Pick(CaptionVocabulary.Glasses)}.");
        }

        if (_visible.Phone && Take(0.75))
        {
            follow.Add(random.Chance(0.5) ? $"{S} {_subject.Is} holding {random.Pick(CaptionVocabulary.Phone)}." : $"{S} {_subject.Is} looking at {random.Pick(CaptionVocabulary.Phone)} in {Their} hand.");
        }

        if (_visible.Umbrella && Take(0.75))
        {
            follow.Add($"{S} {_subject.Is} carrying {random.Pick(CaptionVocabulary.Umbrella)}.");
        }

        if (!_adjectivesInIntro && Take(0.2) && _phrases.Adjectives() is { Length: > 0 } adjectives)
        {
            follow.Add($"{S} {_subject.Verb("looks", "look")} {adjectives.Replace(" ", " and ", StringComparison.Ordinal)}.");
        }
    }
}
