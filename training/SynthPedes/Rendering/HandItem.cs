namespace VfeTps.Stream.SynthPedes;

/// <summary>What a hand holds; decides the arm's pose and what is drawn in the hand.</summary>
internal enum HandItem
{
    None,
    Handbag,
    Umbrella,
    Phone,
}
