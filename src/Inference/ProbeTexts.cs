namespace VfeTps.Stream.Inference;

/// <summary>Twelve fixed person descriptions, varied in clothing, colour, length and wording: the loader's text tower probe, and the parity probes of the exporter and tools.</summary>
public static class ProbeTexts
{
    /// <summary>The descriptions, in a fixed order; never changes between runs or machines.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "A woman in a red dress carrying a black handbag.",
        "A man wearing a blue jacket, dark jeans and white sneakers.",
        "A young boy with a yellow backpack and green shorts.",
        "An elderly man with grey hair, a brown coat and a walking stick.",
        "A woman in a white T-shirt and black trousers, riding a bicycle.",
        "A person in an orange high-visibility vest and a hard hat.",
        "A girl with long blonde hair wearing a pink skirt.",
        "A tall man in a black suit talking on his phone.",
        "Someone wearing a purple hoodie with the hood up and grey sweatpants.",
        "A woman pushing a stroller, wearing a beige trench coat and sunglasses.",
        "A man in a green military-style jacket carrying a large blue suitcase.",
        "pedestrian",
    ];
}
