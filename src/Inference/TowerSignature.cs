using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace VfeTps.Stream.Inference;

/// <summary>
/// What a tower's ONNX graph must declare: one input of the manifest's name, element type and rank,
/// with a dynamic batch axis and the fixed sizes the manifest gives (an axis the graph leaves
/// dynamic is accepted), and an output of the manifest's name, float [batch, D].
/// </summary>
/// <param name="Tower">"image tower" or "text tower", for messages.</param>
/// <param name="InputName">The manifest's input name.</param>
/// <param name="InputType">The input's element type.</param>
/// <param name="InputAxes">Names of the input axes after the batch axis, with their required size (null: any).</param>
/// <param name="OutputName">The manifest's output name.</param>
/// <param name="EmbeddingSize">The manifest's embedding size: the output's second axis.</param>
internal sealed record TowerSignature(
    string Tower,
    string InputName,
    TensorElementType InputType,
    IReadOnlyList<(string Name, int? Size)> InputAxes,
    string OutputName,
    int EmbeddingSize)
{
    private const int Dynamic = -1;

    public static TowerSignature ForImage(BundleManifest manifest) => new(
        "image tower",
        manifest.Image.Input,
        TensorElementType.Float,
        [("channels", 3), ("height", manifest.Image.Height), ("width", manifest.Image.Width)],
        manifest.Image.Output,
        manifest.EmbeddingSize);

    public static TowerSignature ForText(BundleManifest manifest) => new(
        "text tower",
        manifest.Text.Input,
        TensorElementType.Int64,
        [("tokens", manifest.Text.ContextLength)],
        manifest.Text.Output,
        manifest.EmbeddingSize);

    /// <summary>Every way <paramref name="session"/> differs from this signature.</summary>
    public List<string> Check(InferenceSession session)
    {
        var problems = new List<string>();
        var inputs = session.InputMetadata;
        if (!inputs.TryGetValue(InputName, out var input))
        {
            problems.Add($"{Tower}: no input named '{InputName}' (the graph's inputs: {Names(inputs.Keys)}); wrong input name.");
        }
        else
        {
            if (inputs.Count > 1)
                problems.Add($"{Tower}: the graph has {inputs.Count} inputs ({Names(inputs.Keys)}); it must have only '{InputName}'.");
            CheckTensor(problems, "input", InputName, input, InputType, InputAxes);
        }

        var outputs = session.OutputMetadata;
        if (!outputs.TryGetValue(OutputName, out var output))
            problems.Add($"{Tower}: no output named '{OutputName}' (the graph's outputs: {Names(outputs.Keys)}); wrong output name.");
        else
            CheckTensor(problems, "output", OutputName, output, TensorElementType.Float, [("embedding", EmbeddingSize)]);
        return problems;
    }

    private void CheckTensor(
        List<string> problems, string role, string name, NodeMetadata metadata, TensorElementType type, IReadOnlyList<(string Name, int? Size)> axes)
    {
        if (!metadata.IsTensor)
        {
            problems.Add($"{Tower}: {role} '{name}' is a {metadata.OnnxValueType}, not a tensor.");
            return;
        }
        if (metadata.ElementDataType != type)
            problems.Add($"{Tower}: {role} '{name}' has element type {metadata.ElementDataType}; expected {type}.");

        var dimensions = metadata.Dimensions;
        var expectedShape = $"[batch, {string.Join(", ", axes.Select(axis => axis.Size?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? axis.Name))}]";
        if (dimensions.Length != axes.Count + 1)
        {
            problems.Add($"{Tower}: {role} '{name}' has shape {Shape(metadata)}, rank {dimensions.Length}; expected {expectedShape}, rank {axes.Count + 1} (wrong shape).");
            return;
        }
        if (dimensions[0] != Dynamic)
            problems.Add($"{Tower}: {role} '{name}' has a fixed batch size of {dimensions[0]} in {Shape(metadata)}; the batch axis must be dynamic (wrong shape).");
        for (var axis = 0; axis < axes.Count; axis++)
        {
            var (axisName, size) = axes[axis];
            var actual = dimensions[axis + 1];
            if (size is { } required && actual != Dynamic && actual != required)
            {
                var what = role == "output" && axisName == "embedding" ? "embedding size" : $"{axisName} ({axis + 1})";
                problems.Add($"{Tower}: {role} '{name}' has {what} {actual} in {Shape(metadata)}; the manifest says {required}, expected {expectedShape} (wrong shape).");
            }
        }
    }

    private static string Shape(NodeMetadata metadata) =>
        "[" + string.Join(", ", metadata.Dimensions.Select((size, axis) =>
            size == Dynamic
                ? (string.IsNullOrEmpty(metadata.SymbolicDimensions[axis]) ? "?" : metadata.SymbolicDimensions[axis])
                : size.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(name => $"'{name}'"));
}
