namespace VfeTps.Stream.SiteBench.Frames;

/// <summary>Milliseconds per frame of one stage (decoding or a detector) on one video.</summary>
/// <param name="Stage">"decode" or "detect".</param>
/// <param name="Method">Decoder backend or detector kind.</param>
/// <param name="Video">Which video (file name).</param>
/// <param name="Width">Frame width.</param>
/// <param name="Height">Frame height.</param>
/// <param name="Frames">Frames timed.</param>
/// <param name="MillisecondsPerFrame">Mean time per frame, single-threaded.</param>
/// <param name="PeoplePerFrame">Detections per frame (detectors only).</param>
public sealed record FrameCost(string Stage, string Method, string Video, int Width, int Height, int Frames, double MillisecondsPerFrame, double? PeoplePerFrame);
