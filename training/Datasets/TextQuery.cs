namespace VfeTps.Stream.Datasets;

/// <summary>A text query for evaluation: a caption and the person it describes.</summary>
/// <param name="Caption">The description typed by an operator or taken from a data set.</param>
/// <param name="PersonId">The person's id as in the annotation file (<see cref="PersonImage.PersonId"/>).</param>
public sealed record TextQuery(string Caption, int PersonId);
