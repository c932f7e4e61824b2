namespace VfeTps.Stream.PersonCrop.Detection;

/// <summary>Makes a detector of a kind for one camera (the stage asks once per camera and detector change).</summary>
public interface IPersonDetectorFactory
{
    /// <summary>A new detector of <paramref name="kind"/> ("motion", "hog" or "onnx").</summary>
    /// <exception cref="ArgumentException">The kind is unknown.</exception>
    /// <exception cref="InvalidOperationException">The detector cannot be made here (for onnx: no model configured, or it cannot be loaded).</exception>
    IPersonDetector Create(string kind);
}
