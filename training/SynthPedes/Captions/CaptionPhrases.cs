namespace VfeTps.Stream.SynthPedes;

/// <summary>Noun phrases for one look ("a red and white striped t-shirt", "black jeans"), synonyms drawn at random.</summary>
internal sealed class CaptionPhrases(PedestrianAttributes a, Random random)
{
    public string Color(ClothingColor color) => random.Pick(CaptionVocabulary.Color(color));

    public string Upper(bool withPattern)
    {
        var garment = random.Pick(CaptionVocabulary.Upper(a.UpperGarment));
        var color = Color(a.UpperColor);
        if (!withPattern || a.PatternColor is not { } second)
        {
            return CaptionText.WithArticle($"{color} {garment}");
        }

        var other = Color(second);
        return a.UpperPattern switch
        {
            GarmentPattern.Striped => random.Next(3) switch
            {
                0 => CaptionText.WithArticle($"{color} and {other} striped {garment}"),
                1 => CaptionText.WithArticle($"{color} {garment} with {other} stripes"),
                _ => CaptionText.WithArticle($"striped {color} and {other} {garment}"),
            },
            GarmentPattern.Checked => random.Next(3) switch
            {
                0 => CaptionText.WithArticle($"{color} and {other} checked {garment}"),
                1 => CaptionText.WithArticle($"{color} plaid {garment}"),
                _ => CaptionText.WithArticle($"{color} {garment} with a {other} check pattern"),
            },
            _ => random.Next(3) switch
            {
                0 => CaptionText.WithArticle($"{color} {garment} with a {other} logo on the front"),
                1 => CaptionText.WithArticle($"{color} {garment} with a {other} print on the chest"),
                _ => CaptionText.WithArticle($"{color} {garment} with a small {other} logo"),
            },
        };
    }

    public string Lower()
    {
        var garment = random.Pick(CaptionVocabulary.Lower(a.LowerGarment));
        var color = Color(a.LowerColor);
        return a.LowerGarment == LowerGarment.Skirt ? CaptionText.WithArticle($"{color} {garment}") : $"{color} {garment}";
    }

    public string Shoes() => random.Chance(0.2)
        ? $"a pair of {Color(a.ShoeColor)} {random.Pick(CaptionVocabulary.Shoes)}"
        : $"{Color(a.ShoeColor)} {random.Pick(CaptionVocabulary.Shoes)}";

    public string Headwear(string possessive) => a.Headwear == SynthPedes.Headwear.Hood
        ? random.Chance(0.5) ? $"the hood of {possessive} {random.Pick(CaptionVocabulary.Upper(a.UpperGarment))} up" : "a hood over the head"
        : CaptionText.WithArticle($"{Color(a.HeadwearColor ?? ClothingColor.Black)} {random.Pick(CaptionVocabulary.Headwear(a.Headwear))}");

    public string Scarf() => CaptionText.WithArticle($"{Color(a.ScarfColor ?? ClothingColor.Black)} scarf");

    public string Hair() => a.HairColor is not { } hair
        ? random.Chance(0.5) ? "a bald head" : "a shaved head"
        : $"{random.Pick(CaptionVocabulary.Hair(a.HairLength))} {random.Pick(CaptionVocabulary.Hair(hair))} hair";

    /// <summary>The bag with where it is carried: "a blue backpack on their back".</summary>
    public string Bag(string possessive)
    {
        var noun = CaptionText.WithArticle($"{Color(a.BagColor ?? ClothingColor.Black)} {random.Pick(CaptionVocabulary.Bag(a.Bag))}");
        var place = a.Bag switch
        {
            BagType.Backpack => random.Chance(0.5) ? $" on {possessive} back" : string.Empty,
            BagType.ShoulderBag => random.Pick<string>([$" over {possessive} shoulder", $" at {possessive} hip", string.Empty]),
            _ => random.Pick<string>([$" in {possessive} right hand", " in one hand", string.Empty]),
        };
        return noun + place;
    }

    /// <summary>Only straps show: a backpack seen from the front, a shoulder bag from its far side.</summary>
    public string Straps() => a.Bag == BagType.Backpack
        ? random.Pick<string>(["backpack straps over both shoulders", "backpack straps on the shoulders"])
        : random.Pick<string>(["a bag strap across the shoulder", "a strap over one shoulder"]);

    /// <summary>"tall slim", "heavy-set", or nothing.</summary>
    public string Adjectives()
    {
        var words = new List<string>(2);
        if (CaptionVocabulary.Height(a.Height) is { Count: > 0 } height)
        {
            words.Add(random.Pick(height));
        }

        if (CaptionVocabulary.Build(a.Build) is { Count: > 0 } build)
        {
            words.Add(random.Pick(build));
        }

        return string.Join(' ', words);
    }
}
