namespace VfeTps.Stream.PersonCrop.BestShots;

/// <summary>A candidate the policy decided to emit, with its shot index within the track (0, 1, …).</summary>
public sealed record ChosenShot(int ShotIndex, ShotCandidate Candidate);
