namespace VfeTps.Stream.Search;

/// <summary>The vector collection a search runs on.</summary>
/// <param name="Name">The collection (the model version whose vectors it holds).</param>
/// <param name="Points">Crops in it.</param>
/// <param name="MatchesModel">False while the collection of a newly published model is being filled: searches answer 503 then.</param>
public sealed record IndexInfo(string Name, long Points, bool MatchesModel);
