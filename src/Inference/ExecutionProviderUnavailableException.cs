namespace VfeTps.Stream.Inference;

/// <summary>
/// The configuration demands CUDA (<see cref="ExecutionProviderPreference.Cuda"/>) and the CUDA
/// execution provider cannot be loaded here. The message says why and which libraries are missing.
/// </summary>
public sealed class ExecutionProviderUnavailableException : Exception
{
    public ExecutionProviderUnavailableException()
    {
    }

    public ExecutionProviderUnavailableException(string message)
        : base(message)
    {
    }

    public ExecutionProviderUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
