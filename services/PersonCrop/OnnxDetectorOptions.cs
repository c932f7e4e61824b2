using VfeTps.Stream.Inference;

namespace VfeTps.Stream.PersonCrop;

/// <summary>
/// Settings of the YOLO-style ONNX person detector (<c>PersonCrop:Onnx</c>): a YOLOv8/v11 export
/// (input "images" [1, 3, H, W] RGB in 0..1, letterboxed; output [1, 4 + classes, anchors]).
/// </summary>
public sealed class OnnxDetectorOptions
{
    /// <summary>The model file; required when any camera uses the onnx detector.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Index of the person class among the model's classes (0 in COCO-trained models).</summary>
    public int PersonClassIndex { get; set; }

    /// <summary>Smallest person score kept.</summary>
    public float ScoreThreshold { get; set; } = 0.35f;

    /// <summary>Boxes overlapping a better one by more than this IoU are suppressed.</summary>
    public float NmsIouThreshold { get; set; } = 0.45f;

    /// <summary>The most people reported per frame (the best-scoring ones).</summary>
    public int MaxDetections { get; set; } = 100;

    /// <summary>Input side used only when the model's input height or width is dynamic.</summary>
    public int DynamicInputSize { get; set; } = 640;

    /// <summary>CUDA when available (Auto), CPU or CUDA-or-fail, as in <see cref="InferenceOptions"/>.</summary>
    public ExecutionProviderPreference ExecutionProvider { get; set; } = ExecutionProviderPreference.Auto;

    public int CudaDeviceId { get; set; }

    /// <summary>CPU threads per run (0: ONNX Runtime's default).</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>The shared inference conventions (provider choice, threads) for this detector's session.</summary>
    public InferenceOptions ToInferenceOptions() => new()
    {
        ExecutionProvider = ExecutionProvider,
        CudaDeviceId = CudaDeviceId,
        IntraOpThreads = IntraOpThreads,
    };

    internal void Validate(List<string> problems)
    {
        const string section = "Onnx:";
        if (PersonClassIndex < 0)
            problems.Add($"{section}{nameof(PersonClassIndex)} must not be negative (got {PersonClassIndex}).");
        if (!(ScoreThreshold is > 0 and < 1))
            problems.Add($"{section}{nameof(ScoreThreshold)} must be in (0, 1) (got {ScoreThreshold}).");
        if (!(NmsIouThreshold is > 0 and <= 1))
            problems.Add($"{section}{nameof(NmsIouThreshold)} must be in (0, 1] (got {NmsIouThreshold}).");
        if (MaxDetections < 1)
            problems.Add($"{section}{nameof(MaxDetections)} must be positive (got {MaxDetections}).");
        if (DynamicInputSize < 32 || DynamicInputSize % 32 != 0)
            problems.Add($"{section}{nameof(DynamicInputSize)} must be a positive multiple of 32 (got {DynamicInputSize}).");
        foreach (var problem in ToInferenceOptions().Validate())
            problems.Add(section + problem);
    }
}
