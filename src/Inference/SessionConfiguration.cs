using Microsoft.ML.OnnxRuntime;

namespace VfeTps.Stream.Inference;

/// <summary>
/// ONNX Runtime session options with an execution provider chosen by <see cref="ExecutionProviderSelector"/>,
/// and the choice. Dispose once the sessions are open: a session keeps its own copy.
/// </summary>
public sealed class SessionConfiguration : IDisposable
{
    internal SessionConfiguration(SessionOptions options, ExecutionProvider provider, string reason)
    {
        Options = options;
        Provider = provider;
        Reason = reason;
    }

    /// <summary>The options to open sessions with.</summary>
    public SessionOptions Options { get; }

    /// <summary>The provider the options select.</summary>
    public ExecutionProvider Provider { get; }

    /// <summary>Why this provider, for logs.</summary>
    public string Reason { get; }

    public void Dispose() => Options.Dispose();
}
