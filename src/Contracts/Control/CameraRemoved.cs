namespace VfeTps.Stream.Contracts;

/// <summary>Control event: a camera was unregistered (its worker stops, its tracker state is dropped).</summary>
public sealed record CameraRemoved(string CameraId);
