namespace VfeTps.Stream.Onnx;

/// <summary>What a model file says about itself besides its graph.</summary>
public sealed record OnnxModelInfo
{
    /// <summary>ONNX IR version 10 (ONNX 1.16), which opset 21 belongs to.</summary>
    public const long DefaultIrVersion = 10;

    /// <summary>Default-domain operator set the graphs are written against (ONNX Runtime 1.31 runs up to 23).</summary>
    public const long DefaultOpset = 21;

    public string ProducerName { get; init; } = "VfeTps.Stream";

    public string ProducerVersion { get; init; } = "1";

    public long IrVersion { get; init; } = DefaultIrVersion;

    public long Opset { get; init; } = DefaultOpset;

    public string DocString { get; init; } = "";

    /// <summary>Written as <c>metadata_props</c>; ONNX Runtime exposes them as custom metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
