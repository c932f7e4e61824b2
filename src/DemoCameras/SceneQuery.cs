namespace VfeTps.Stream.DemoCameras;

/// <summary>A text query about one person of the scene.</summary>
/// <param name="PersonId">The person the query describes (the right answer).</param>
/// <param name="Index">0-based number of the query among that person's queries.</param>
/// <param name="Text">The description, 20–60 words, written from the ground-truth attributes regardless of viewpoint.</param>
public sealed record SceneQuery(int PersonId, int Index, string Text);
