namespace VfeTps.Stream.SynthPedes;

/// <summary>How each upper garment is cut: where it ends, how loose it is, how far the sleeves reach.</summary>
internal readonly record struct GarmentCut(float HemY, float Looseness, float HemFlare, float SleeveEnd, float SleeveWiden)
{
    public static GarmentCut Of(UpperGarment garment, BodyFrame f) => garment switch
    {
        UpperGarment.TShirt => new(f.HipY + 1.0f, 0.2f, 0.3f, 0.27f, 0.75f),
        UpperGarment.Shirt => new(f.HipY + 1.6f, 0.3f, 0.4f, 0.97f, 0.45f),
        UpperGarment.Sweater => new(f.HipY + 1.2f, 0.5f, 0.1f, 0.97f, 0.6f),
        UpperGarment.Hoodie => new(f.HipY + 2.2f, 0.7f, 0.2f, 0.97f, 0.7f),
        UpperGarment.Jacket => new(f.HipY + 2.6f, 0.9f, 0.6f, 0.98f, 0.8f),
        UpperGarment.LongCoat => new(f.KneeY + 3.0f, 0.9f, 2.6f, 0.98f, 0.85f),
        _ => throw new ArgumentOutOfRangeException(nameof(garment), garment, null),
    };
}
