namespace VfeTps.Stream.Tokenizer;

/// <summary>
/// One BPE merge rule: adjacent symbols <see cref="Left"/> and <see cref="Right"/> join into
/// <see cref="Merged"/>. A merge's position in the merge list is its rank; lower ranks apply first.
/// </summary>
/// <param name="Left">The left symbol, e.g. <c>t</c>.</param>
/// <param name="Right">The right symbol, e.g. <c>he&lt;/w&gt;</c>.</param>
public readonly record struct BpeMerge(string Left, string Right)
{
    /// <summary>The symbol the merge produces.</summary>
    public string Merged => Left + Right;

    /// <summary>The line form used by <c>merges.txt</c>: <c>"left right"</c>.</summary>
    public override string ToString() => Left + " " + Right;
}
