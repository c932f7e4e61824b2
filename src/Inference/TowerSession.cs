using Microsoft.ML.OnnxRuntime;

namespace VfeTps.Stream.Inference;

/// <summary>
/// One tower's ONNX Runtime session: runs a batch whose input and output live in the caller's
/// memory (no copies on the CPU provider; ONNX Runtime copies to and from the GPU with CUDA).
/// <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue})"/>
/// is thread-safe, and every call brings its own buffers, so one instance serves all threads.
/// </summary>
internal sealed class TowerSession : IDisposable
{
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly RunOptions _runOptions = new();
    private volatile bool _disposed;

    public TowerSession(InferenceSession session, string inputName, string outputName, int embeddingSize)
    {
        Session = session;
        _inputNames = [inputName];
        _outputNames = [outputName];
        EmbeddingSize = embeddingSize;
    }

    public InferenceSession Session { get; }

    public int EmbeddingSize { get; }

    /// <summary>Runs one batch: <paramref name="input"/> shaped <paramref name="inputShape"/> (batch first), into rows × D floats.</summary>
    public void Run<T>(Memory<T> input, long[] inputShape, Memory<float> output)
        where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var rows = inputShape[0];
        using var inputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, input, inputShape);
        using var outputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, output, [rows, EmbeddingSize]);
        Session.Run(_runOptions, _inputNames, [inputValue], _outputNames, [outputValue]);
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        Session.Dispose();
        _runOptions.Dispose();
    }
}
