namespace VfeTps.Stream.SynthPedes;

/// <summary>The words annotators use for each attribute value, synonyms included ("grey"/"gray", "jumper").</summary>
public static class CaptionVocabulary
{
    public static IReadOnlyList<string> Color(ClothingColor color) => color switch
    {
        ClothingColor.Blue => ["blue", "blue", "bright blue"],
        ClothingColor.Navy => ["navy", "navy blue", "dark blue"],
        ClothingColor.Grey => ["grey", "gray"],
        ClothingColor.Beige => ["beige", "tan", "khaki"],
        _ => [color.ToString().ToLowerInvariant()],
    };

    public static IReadOnlyList<string> Hair(HairColor color) => color switch
    {
        HairColor.DarkBrown => ["dark brown", "dark"],
        HairColor.Blonde => ["blonde", "blond", "fair"],
        HairColor.Auburn => ["auburn", "reddish", "red"],
        HairColor.Grey => ["grey", "gray", "silver"],
        _ => [color.ToString().ToLowerInvariant()],
    };

    public static IReadOnlyList<string> Hair(HairLength length) => length switch
    {
        HairLength.Short => ["short", "short", "cropped"],
        HairLength.Medium => ["shoulder-length", "medium-length", "chin-length"],
        HairLength.Long => ["long", "long", "very long"],
        _ => ["no"],
    };

    public static IReadOnlyList<string> Upper(UpperGarment garment) => garment switch
    {
        UpperGarment.TShirt => ["t-shirt", "tee", "t shirt", "short-sleeved t-shirt"],
        UpperGarment.Shirt => ["shirt", "button-up shirt", "long-sleeved shirt", "collared shirt"],
        UpperGarment.Sweater => ["sweater", "jumper", "pullover", "knit sweater"],
        UpperGarment.Hoodie => ["hoodie", "hooded sweatshirt", "hooded top"],
        UpperGarment.Jacket => ["jacket", "open jacket", "zip-up jacket"],
        _ => ["long coat", "knee-length coat", "overcoat", "long coat"],
    };

    public static IReadOnlyList<string> Lower(LowerGarment garment) => garment switch
    {
        LowerGarment.Trousers => ["trousers", "pants", "slacks", "long pants"],
        LowerGarment.Jeans => ["jeans", "denim jeans", "jeans"],
        LowerGarment.Shorts => ["shorts", "short pants"],
        _ => ["skirt", "knee-length skirt", "skirt"],
    };

    public static IReadOnlyList<string> Headwear(Headwear headwear) => headwear switch
    {
        SynthPedes.Headwear.Cap => ["cap", "baseball cap"],
        SynthPedes.Headwear.Beanie => ["beanie", "knit hat", "woolly hat"],
        SynthPedes.Headwear.WideBrimHat => ["wide-brimmed hat", "sun hat", "broad-brimmed hat"],
        _ => ["hat"],
    };

    public static IReadOnlyList<string> Bag(BagType bag) => bag switch
    {
        BagType.Backpack => ["backpack", "rucksack", "backpack"],
        BagType.ShoulderBag => ["shoulder bag", "messenger bag", "crossbody bag"],
        BagType.Handbag => ["handbag", "purse", "hand bag"],
        _ => ["bag"],
    };

    public static IReadOnlyList<string> Shoes { get; } = ["shoes", "sneakers", "trainers", "shoes"];

    public static IReadOnlyList<string> Glasses { get; } = ["glasses", "eyeglasses", "a pair of glasses", "spectacles"];

    public static IReadOnlyList<string> Phone { get; } = ["a phone", "a mobile phone", "a cell phone", "a smartphone"];

    public static IReadOnlyList<string> Umbrella { get; } = ["a closed black umbrella", "a folded umbrella", "a black umbrella"];

    public static IReadOnlyList<string> Build(BodyBuild build) => build switch
    {
        BodyBuild.Slim => ["slim", "thin", "slender"],
        BodyBuild.Heavy => ["heavy-set", "stocky", "heavy"],
        _ => [],
    };

    public static IReadOnlyList<string> Height(Stature height) => height switch
    {
        Stature.Short => ["short"],
        Stature.Tall => ["tall"],
        _ => [],
    };

    public static IReadOnlyList<string> Direction(Viewpoint view) => view switch
    {
        Viewpoint.Front => ["walking toward the camera", "walking towards the camera", "facing the camera", "coming toward the camera"],
        Viewpoint.Back => ["walking away from the camera", "seen from behind", "facing away from the camera"],
        Viewpoint.LeftSide => ["walking to the left", "heading left", "walking left", "seen from the side, walking left"],
        _ => ["walking to the right", "heading right", "walking right", "seen from the side, walking right"],
    };
}
