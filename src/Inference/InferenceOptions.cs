using Microsoft.ML.OnnxRuntime;

namespace VfeTps.Stream.Inference;

/// <summary>
/// How services run the towers (the options pattern: bind the <c>Inference</c> configuration
/// section, validated by <see cref="InferenceOptionsValidator"/>). Every bundle a service loads is
/// opened, probed and served with the same options.
/// </summary>
public sealed class InferenceOptions
{
    /// <summary>The configuration section these options are usually bound from.</summary>
    public const string SectionName = "Inference";

    /// <summary>The default of <see cref="MaxQueryCharacters"/>.</summary>
    public const int DefaultMaxQueryCharacters = 1000;

    /// <summary>Where the towers run; <see cref="ExecutionProviderPreference.Auto"/> by default.</summary>
    public ExecutionProviderPreference ExecutionProvider { get; set; } = ExecutionProviderPreference.Auto;

    /// <summary>The CUDA device, when CUDA is used.</summary>
    public int CudaDeviceId { get; set; }

    /// <summary>Threads one tower run may use on the CPU; 0 lets ONNX Runtime choose (one per physical core).</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>ONNX Runtime graph optimisation; <see cref="GraphOptimization.All"/> by default.</summary>
    public GraphOptimization GraphOptimization { get; set; } = GraphOptimization.All;

    /// <summary>The most crops or texts sent to a tower in one run; larger requests are split.</summary>
    public int MaxBatchSize { get; set; } = 32;

    /// <summary>
    /// The longest text <see cref="TextEncoder"/> accepts, in Unicode characters (code points: an
    /// emoji counts once); longer texts are refused with an <see cref="ArgumentException"/> before
    /// any work is done, so that a huge query cannot tie up the tokenizer. 1000 by default; a
    /// person description is a sentence or two, and the text tower keeps only its first
    /// <see cref="TextTowerManifest.ContextLength"/> tokens anyway.
    /// </summary>
    public int MaxQueryCharacters { get; set; } = DefaultMaxQueryCharacters;

    /// <summary>Every invalid setting, described; empty when the options are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(ExecutionProvider))
            problems.Add($"{nameof(ExecutionProvider)} must be Auto, Cpu or Cuda (got {(int)ExecutionProvider}).");
        if (CudaDeviceId < 0)
            problems.Add($"{nameof(CudaDeviceId)} must not be negative (got {CudaDeviceId}).");
        if (IntraOpThreads < 0)
            problems.Add($"{nameof(IntraOpThreads)} must not be negative; 0 means ONNX Runtime's default (got {IntraOpThreads}).");
        if (!Enum.IsDefined(GraphOptimization))
            problems.Add($"{nameof(GraphOptimization)} must be Disabled, Basic, Extended or All (got {(int)GraphOptimization}).");
        if (MaxBatchSize < 1)
            problems.Add($"{nameof(MaxBatchSize)} must be positive (got {MaxBatchSize}).");
        if (MaxQueryCharacters < 1)
            problems.Add($"{nameof(MaxQueryCharacters)} must be positive (got {MaxQueryCharacters}).");
        return problems;
    }

    /// <summary>A copy, so that later changes to these options do not reach a loader that holds it.</summary>
    public InferenceOptions Clone() => (InferenceOptions)MemberwiseClone();

    internal void ThrowIfInvalid()
    {
        var problems = Validate();
        if (problems.Count > 0)
            throw new ArgumentException($"Invalid inference options: {string.Join(" ", problems)}");
    }

    internal GraphOptimizationLevel OrtGraphOptimizationLevel => GraphOptimization switch
    {
        GraphOptimization.Disabled => GraphOptimizationLevel.ORT_DISABLE_ALL,
        GraphOptimization.Basic => GraphOptimizationLevel.ORT_ENABLE_BASIC,
        GraphOptimization.Extended => GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
        _ => GraphOptimizationLevel.ORT_ENABLE_ALL,
    };
}
