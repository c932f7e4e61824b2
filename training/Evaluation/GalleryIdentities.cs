namespace VfeTps.Stream.Evaluation;

/// <summary>For each person id, the gallery rows showing that person, ascending.</summary>
internal sealed class GalleryIdentities
{
    private readonly Dictionary<int, int[]> _rowsByPerson;

    public GalleryIdentities(IReadOnlyList<int> galleryPersonIds)
    {
        var lists = new Dictionary<int, List<int>>();
        for (var row = 0; row < galleryPersonIds.Count; row++)
        {
            var id = galleryPersonIds[row];
            if (!lists.TryGetValue(id, out var rows))
            {
                rows = [];
                lists.Add(id, rows);
            }

            rows.Add(row);
        }

        _rowsByPerson = lists.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
        LargestGroup = _rowsByPerson.Count == 0 ? 0 : _rowsByPerson.Values.Max(rows => rows.Length);
    }

    /// <summary>The most gallery rows any one person has.</summary>
    public int LargestGroup { get; }

    /// <summary>The gallery rows of <paramref name="personId"/>, or empty when the gallery has none.</summary>
    public ReadOnlySpan<int> RowsOf(int personId) =>
        _rowsByPerson.TryGetValue(personId, out var rows) ? rows : [];
}
