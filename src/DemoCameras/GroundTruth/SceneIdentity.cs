using VfeTps.Stream.SynthPedes;

namespace VfeTps.Stream.DemoCameras;

/// <summary>A person of the scene: a SynthPedes test identity, its look and the captions SynthPedes wrote for its images.</summary>
/// <param name="PersonId">The SynthPedes person id (the <c>id</c> of <c>synthpedes.json</c>).</param>
/// <param name="Attributes">The look, as drawn.</param>
/// <param name="Captions">Every distinct caption of the identity's SynthPedes images (viewpoint-specific).</param>
public sealed record SceneIdentity(int PersonId, PedestrianAttributes Attributes, IReadOnlyList<string> Captions);
