using VfeTps.Stream.Training.Models;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Weights;

/// <summary>
/// Loads OpenAI CLIP weights (safetensors with OpenAI's key names, any float dtype) into a
/// <see cref="VfeTpsModel"/>. Strict: every key of the file is used or explicitly ignored with a
/// reason, every CLIP tensor of the model is provided, every shape matches; otherwise nothing is
/// loaded and the error lists every problem. The position table is resized from the file's square
/// grid to the model's patch grid.
/// </summary>
public static class ClipWeightLoader
{
    private const string PositionKey = "visual.positional_embedding";

    // Keys of OpenAI's state dict that VFE-TPS has no use for.
    private static readonly Dictionary<string, string> s_ignored = new(StringComparer.Ordinal)
    {
        ["logit_scale"] = "CLIP's learned temperature; CMPM and IS-GVFC use fixed temperatures as the reference code does",
        ["input_resolution"] = "metadata of the JIT archive, not a weight",
        ["context_length"] = "metadata of the JIT archive, not a weight",
        ["vocab_size"] = "metadata of the JIT archive, not a weight",
    };

    /// <summary>The model key an OpenAI key maps to: image keys keep their name, text keys go under <c>text.</c>.</summary>
    public static string ToModelKey(string openAiKey)
    {
        ArgumentNullException.ThrowIfNull(openAiKey);
        return openAiKey.StartsWith("visual.", StringComparison.Ordinal) ? openAiKey : "text." + openAiKey;
    }

    /// <summary>Whether a model tensor comes from CLIP (the rest is VFE-TPS's training-only additions).</summary>
    public static bool IsClipTensor(string modelKey)
    {
        ArgumentNullException.ThrowIfNull(modelKey);
        return (modelKey.StartsWith("visual.", StringComparison.Ordinal) && modelKey != "visual.mask_token")
            || modelKey.StartsWith("text.", StringComparison.Ordinal);
    }

    public static ClipWeightReport Load(VfeTpsModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var reader = SafetensorsReader.Open(path);
        var state = model.state_dict();
        var plan = Plan(model, reader, state, out var problems, out var ignored);
        if (problems.Count > 0)
            throw new WeightLoadException(path, problems);

        string? grid = null;
        using (no_grad())
        {
            foreach (var (fileKey, modelKey) in plan)
            {
                using var stored = reader.Read(fileKey);
                using var asFloat = stored.to_type(state[modelKey].dtype);
                if (modelKey == PositionKey && asFloat.shape[0] != state[modelKey].shape[0])
                {
                    var side = SquareSide(asFloat.shape[0] - 1);
                    var image = model.Config.Image;
                    using var resized = PositionTable.Resize(asFloat, side, side, image.GridHeight, image.GridWidth);
                    state[modelKey].copy_(resized);
                    grid = $"{side}×{side} → {image.GridHeight}×{image.GridWidth}";
                }
                else
                {
                    state[modelKey].copy_(asFloat);
                }
            }
        }
        var fresh = state.Keys.Where(k => !IsClipTensor(k)).ToList();
        return new ClipWeightReport(plan.Count, ignored, fresh, grid);
    }

    private static List<(string FileKey, string ModelKey)> Plan(
        VfeTpsModel model, SafetensorsReader reader, Dictionary<string, Tensor> state, out List<string> problems, out List<string> ignored)
    {
        problems = [];
        ignored = [];
        var plan = new List<(string, string)>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in reader.Entries.Values.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (s_ignored.TryGetValue(entry.Name, out var reason))
            {
                ignored.Add($"{entry.Name}: {reason}");
                continue;
            }
            if (entry.DataType is not ("F32" or "F16" or "BF16" or "F64"))
            {
                problems.Add($"{entry.Name}: dtype {entry.DataType} is not a floating-point weight");
                continue;
            }
            var modelKey = ToModelKey(entry.Name);
            if (!state.TryGetValue(modelKey, out var target) || !IsClipTensor(modelKey))
            {
                problems.Add($"{entry.Name}: unexpected key (the model has no '{modelKey}')");
                continue;
            }
            covered.Add(modelKey);
            var shapeProblem = modelKey == PositionKey
                ? CheckPositionTable(entry, target, model)
                : CheckShape(entry, target);
            if (shapeProblem is not null)
                problems.Add(shapeProblem);
            else
                plan.Add((entry.Name, modelKey));
        }
        foreach (var key in state.Keys.Where(IsClipTensor).Where(k => !covered.Contains(k)).OrderBy(k => k, StringComparer.Ordinal))
            problems.Add($"{OpenAiKey(key)}: missing from the file (model expects shape [{string.Join(", ", state[key].shape)}])");
        return plan;
    }

    private static string? CheckShape(SafetensorsEntry entry, Tensor target) =>
        entry.Shape.SequenceEqual(target.shape)
            ? null
            : $"{entry.Name}: shape {entry.ShapeText} in the file, [{string.Join(", ", target.shape)}] in the model";

    private static string? CheckPositionTable(SafetensorsEntry entry, Tensor target, VfeTpsModel model)
    {
        if (entry.Shape.Length != 2 || entry.Shape[1] != target.shape[1])
            return $"{entry.Name}: shape {entry.ShapeText} in the file, [any, {target.shape[1]}] expected";
        if (entry.Shape[0] == target.shape[0])
            return null;
        return SquareSide(entry.Shape[0] - 1) > 0
            ? null
            : $"{entry.Name}: {entry.Shape[0] - 1} patch positions are not a square grid, so they cannot be resized to {model.Config.Image.GridHeight}×{model.Config.Image.GridWidth}";
    }

    private static int SquareSide(long positions)
    {
        var side = (int)Math.Round(Math.Sqrt(positions));
        return (long)side * side == positions ? side : 0;
    }

    private static string OpenAiKey(string modelKey) =>
        modelKey.StartsWith("text.", StringComparison.Ordinal) ? modelKey["text.".Length..] : modelKey;
}
