namespace VfeTps.Stream.Inference;

/// <summary>The execution provider a loaded model actually runs on.</summary>
public enum ExecutionProvider
{
    /// <summary>ONNX Runtime's CPU provider.</summary>
    Cpu,

    /// <summary>ONNX Runtime's CUDA provider (nodes it does not support still run on the CPU).</summary>
    Cuda,
}
