namespace VfeTps.Stream.Datasets;

/// <summary>
/// Renumbers person ids 0, 1, 2, … within a split in ascending id order. Where ids are already
/// contiguous this is exactly the reference code's labels (IRRA: <c>id − 1</c> for CUHK-PEDES,
/// <c>id</c> for ICFG-PEDES and RSTPReid); where they are not, it is what an identity loss needs.
/// </summary>
internal static class IdentityLabels
{
    public static Dictionary<int, int> Assign(IEnumerable<int> personIds)
    {
        var labels = new Dictionary<int, int>();
        foreach (var id in personIds.Distinct().Order())
        {
            labels[id] = labels.Count;
        }

        return labels;
    }
}
