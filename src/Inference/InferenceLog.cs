using Microsoft.Extensions.Logging;

namespace VfeTps.Stream.Inference;

/// <summary>The library's log messages (source-generated, so disabled levels cost nothing).</summary>
internal static partial class InferenceLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "ONNX Runtime execution provider: {Provider}, {Reason}")]
    public static partial void ExecutionProviderChosen(this ILogger logger, ExecutionProvider provider, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "ONNX Runtime execution provider: {Provider} although an NVIDIA driver is present, {Reason}")]
    public static partial void ExecutionProviderFallback(this ILogger logger, ExecutionProvider provider, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Opening the towers of '{Directory}' on CUDA failed ({Error}); Auto falls back to the CPU")]
    public static partial void CudaSessionFallback(this ILogger logger, string directory, string error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Loaded model {ModelVersion} from '{Directory}' on {Provider} in {ElapsedMilliseconds} ms (embedding size {EmbeddingSize}; probe passed)")]
    public static partial void BundleLoaded(this ILogger logger, string modelVersion, string directory, ExecutionProvider provider, long elapsedMilliseconds, int embeddingSize);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Refused model bundle '{Directory}': {Reason}")]
    public static partial void BundleRefused(this ILogger logger, string directory, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Now serving model {ModelVersion} (was {PreviousModelVersion})")]
    public static partial void ModelSwapped(this ILogger logger, string modelVersion, string previousModelVersion);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "Model swap to '{Directory}' failed; still serving {ModelVersion}: {Reason}")]
    public static partial void ModelSwapFailed(this ILogger logger, string directory, string modelVersion, string reason);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Running the towers of '{Directory}' on CUDA failed at the {Stage} check ({Error}) {Diagnosis} Auto falls back to the CPU and checks the towers again there")]
    public static partial void CudaRunFallback(this ILogger logger, string directory, BundleCheckStage stage, string error, string diagnosis);
}
