namespace VfeTps.Stream.SynthPedes;

/// <summary>Who a follow-up sentence is about ("they", "the person"), with verb agreement.</summary>
internal readonly record struct CaptionSubject(string Text, bool Plural)
{
    public string Is => Plural ? "are" : "is";

    public string Has => Plural ? "have" : "has";

    public string Verb(string singular, string plural) => Plural ? plural : singular;

    public static CaptionSubject Pick(Random random) => random.PickWeighted<CaptionSubject>([
        (new CaptionSubject("they", Plural: true), 6),
        (new CaptionSubject("the person", Plural: false), 2),
        (new CaptionSubject("this pedestrian", Plural: false), 1),
        (new CaptionSubject("the pedestrian", Plural: false), 1)]);
}
