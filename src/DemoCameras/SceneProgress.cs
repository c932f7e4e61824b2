namespace VfeTps.Stream.DemoCameras;

/// <summary>Rendering progress over all cameras.</summary>
public readonly record struct SceneProgress(int FramesDone, int FramesTotal);
