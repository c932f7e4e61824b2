namespace VfeTps.Stream.SynthPedes;

/// <summary>One sampled identity. Members of a family share a look and differ in one or two attributes.</summary>
/// <param name="Family">0-based family number, unique per sampler.</param>
/// <param name="IsSibling">False for the family's base identity, true for its near-duplicates.</param>
/// <param name="Attributes">The identity's ground truth.</param>
public sealed record SampledIdentity(int Family, bool IsSibling, PedestrianAttributes Attributes);
