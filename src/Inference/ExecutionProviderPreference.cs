namespace VfeTps.Stream.Inference;

/// <summary>Which ONNX Runtime execution provider a service asks for.</summary>
public enum ExecutionProviderPreference
{
    /// <summary>CUDA when its provider library, the CUDA libraries and an NVIDIA driver load; otherwise the CPU.</summary>
    Auto,

    /// <summary>The CPU only; CUDA is never touched.</summary>
    Cpu,

    /// <summary>CUDA or nothing: start-up fails with <see cref="ExecutionProviderUnavailableException"/> when it cannot load.</summary>
    Cuda,
}
