namespace VfeTps.Stream.Export;

/// <summary>Where the exported tower graphs were written and how many nodes each has.</summary>
public sealed record ExportedTowers(string ImagePath, string TextPath, int ImageNodes, int TextNodes);
