using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using VfeTps.Stream.Inference;

namespace VfeTps.Stream.PersonCrop.Detection;

/// <summary>
/// A YOLO-style person model opened once and shared by every camera's <see cref="OnnxPersonDetector"/>
/// (ONNX Runtime sessions may run concurrently). The execution provider is chosen by the shared
/// <see cref="ExecutionProviderSelector"/> (CUDA when it loads, else the CPU, per
/// <see cref="OnnxDetectorOptions.ExecutionProvider"/>); under Auto a session that CUDA cannot open
/// is opened again on the CPU. The input size is read from the model.
/// </summary>
public sealed class OnnxPersonModel : IDisposable
{
    private readonly InferenceSession _session;

    /// <exception cref="InvalidOperationException">No model path is configured, or the model is not a YOLO-style detector.</exception>
    /// <exception cref="FileNotFoundException">The model file does not exist.</exception>
    public OnnxPersonModel(OnnxDetectorOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ModelPath))
            throw new InvalidOperationException("No ONNX person model is configured (set PersonCrop:Onnx:ModelPath).");
        var path = Path.GetFullPath(options.ModelPath);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The ONNX person model '{path}' does not exist.", path);

        (_session, Provider) = Open(path, options, logger);
        try
        {
            (InputName, InputHeight, InputWidth) = ReadInput(_session, options.DynamicInputSize);
            OutputName = ReadOutput(_session);
        }
        catch
        {
            _session.Dispose();
            throw;
        }

        ModelPath = path;
    }

    public string ModelPath { get; }

    /// <summary>Where the model runs.</summary>
    public ExecutionProvider Provider { get; }

    public string InputName { get; }

    public string OutputName { get; }

    public int InputWidth { get; }

    public int InputHeight { get; }

    internal InferenceSession Session => _session;

    public void Dispose() => _session.Dispose();

    private static (InferenceSession Session, ExecutionProvider Provider) Open(string path, OnnxDetectorOptions options, ILogger? logger)
    {
        var inference = options.ToInferenceOptions();
        using var configuration = new ExecutionProviderSelector(logger).Configure(inference);
        try
        {
            return (new InferenceSession(path, configuration.Options), configuration.Provider);
        }
        catch (OnnxRuntimeException) when (configuration.Provider == ExecutionProvider.Cuda && options.ExecutionProvider == ExecutionProviderPreference.Auto)
        {
            // The CUDA provider loaded but could not open this model: Auto means the CPU will do.
            inference.ExecutionProvider = ExecutionProviderPreference.Cpu;
            using var cpu = new ExecutionProviderSelector(logger).Configure(inference);
            return (new InferenceSession(path, cpu.Options), ExecutionProvider.Cpu);
        }
        catch (OnnxRuntimeException error)
        {
            throw new InvalidOperationException($"ONNX Runtime cannot open '{path}': {error.Message}", error);
        }
    }

    private static (string Name, int Height, int Width) ReadInput(InferenceSession session, int dynamicSize)
    {
        if (session.InputMetadata.Count != 1)
            throw new InvalidOperationException($"A YOLO-style person model has one input; this one has {session.InputMetadata.Count}.");
        var (name, input) = session.InputMetadata.First();
        var dims = input.Dimensions;
        if (input.ElementType != typeof(float) || dims.Length != 4 || dims[1] != 3 || dims[0] > 1)
        {
            throw new InvalidOperationException(
                $"A YOLO-style person model takes float [1, 3, H, W]; input '{name}' is {input.ElementType.Name} [{string.Join(", ", dims)}].");
        }

        return (name, dims[2] > 0 ? dims[2] : dynamicSize, dims[3] > 0 ? dims[3] : dynamicSize);
    }

    private static string ReadOutput(InferenceSession session)
    {
        var (name, output) = session.OutputMetadata.First();
        if (output.ElementType != typeof(float) || output.Dimensions.Length != 3)
        {
            throw new InvalidOperationException(
                $"A YOLO-style person model gives float [1, 4 + classes, anchors]; output '{name}' is {output.ElementType.Name} [{string.Join(", ", output.Dimensions)}].");
        }

        return name;
    }
}
