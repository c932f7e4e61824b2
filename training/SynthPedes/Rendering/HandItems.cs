namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// Which hand holds what: a handbag hangs from the right hand, a phone is held in the left, and a closed
/// umbrella goes to whichever hand is free (right first). Captions rely on the same sides.
/// </summary>
internal static class HandItems
{
    public static (HandItem Right, HandItem Left) For(PedestrianAttributes a)
    {
        var right = a.Bag == BagType.Handbag ? HandItem.Handbag : HandItem.None;
        var left = a.Phone ? HandItem.Phone : HandItem.None;
        if (a.Umbrella)
        {
            if (right == HandItem.None)
            {
                right = HandItem.Umbrella;
            }
            else if (left == HandItem.None)
            {
                left = HandItem.Umbrella;
            }
        }

        return (right, left);
    }
}
