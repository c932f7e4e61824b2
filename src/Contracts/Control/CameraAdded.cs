namespace VfeTps.Stream.Contracts;

/// <summary>Control event: a camera was registered (workers start, PersonCrop learns its detector).</summary>
public sealed record CameraAdded(CameraSpec Camera);
