using TorchSharp.Modules;
using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Models;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Weights;

/// <summary>
/// A training checkpoint as one safetensors file: the model's tensors under <c>model.</c>, Adam's
/// moment estimates and step counts under <c>optimizer.{parameter}.</c>, and in the metadata the
/// model configuration plus whatever progress the trainer needs to resume exactly (epoch, step,
/// random state). Loading is strict: the file must match the model tensor for tensor.
/// </summary>
public static class TrainingCheckpoint
{
    public const string FormatKey = "format";
    public const string Format = "vfetps-checkpoint/1";
    public const string ConfigKey = "model_config";
    private const string ModelPrefix = "model.";
    private const string OptimizerPrefix = "optimizer.";

    public static void Save(string path, VfeTpsModel model, Adam? optimizer = null, IReadOnlyDictionary<string, string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var tensors = model.state_dict().Select(p => KeyValuePair.Create(ModelPrefix + p.Key, p.Value)).ToList();
        var scalars = new List<Tensor>();
        try
        {
            if (optimizer is not null)
            {
                foreach (var (name, state) in OptimizerStates(model, optimizer))
                {
                    var step = tensor(state.step);
                    scalars.Add(step);
                    tensors.Add(KeyValuePair.Create($"{OptimizerPrefix}{name}.step", step));
                    tensors.Add(KeyValuePair.Create($"{OptimizerPrefix}{name}.exp_avg", state.exp_avg));
                    tensors.Add(KeyValuePair.Create($"{OptimizerPrefix}{name}.exp_avg_sq", state.exp_avg_sq));
                }
            }
            var metadata = new Dictionary<string, string>(progress ?? new Dictionary<string, string>(), StringComparer.Ordinal)
            {
                [FormatKey] = Format,
                [ConfigKey] = ModelConfigJson.Serialize(model.Config),
            };
            SafetensorsWriter.Write(path, tensors, metadata);
        }
        finally
        {
            foreach (var scalar in scalars)
                scalar.Dispose();
        }
    }

    /// <summary>The metadata map (configuration and training progress) without reading any tensor.</summary>
    public static IReadOnlyDictionary<string, string> ReadMetadata(string path)
    {
        using var reader = SafetensorsReader.Open(path);
        RequireFormat(reader);
        return reader.Metadata;
    }

    /// <summary>Builds the model the checkpoint describes and loads its weights.</summary>
    public static VfeTpsModel LoadModel(string path)
    {
        using var reader = SafetensorsReader.Open(path);
        RequireFormat(reader);
        if (!reader.Metadata.TryGetValue(ConfigKey, out var json))
            throw new WeightLoadException($"'{path}' is a checkpoint without a model configuration ('{ConfigKey}').");
        var model = new VfeTpsModel(ModelConfigJson.Deserialize(json));
        try
        {
            LoadWeights(reader, model);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Puts the saved Adam state back, so that training continues exactly where it stopped.</summary>
    public static void RestoreOptimizer(string path, VfeTpsModel model, Adam optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        using var reader = SafetensorsReader.Open(path);
        RequireFormat(reader);
        var states = OptimizerStates(model, optimizer).ToList();
        var missing = states
            .SelectMany(s => new[] { ".step", ".exp_avg", ".exp_avg_sq" }.Select(x => OptimizerPrefix + s.Name + x))
            .Where(k => !reader.Entries.ContainsKey(k))
            .ToList();
        if (missing.Count > 0)
            throw new WeightLoadException(path, missing.Select(k => $"{k}: missing (was the checkpoint saved without its optimizer?)").ToList());
        using (no_grad())
        {
            foreach (var (name, state) in states)
            {
                using var step = reader.Read($"{OptimizerPrefix}{name}.step");
                state.step = step.item<long>();
                CopyChecked(reader, $"{OptimizerPrefix}{name}.exp_avg", state.exp_avg);
                CopyChecked(reader, $"{OptimizerPrefix}{name}.exp_avg_sq", state.exp_avg_sq);
            }
        }
    }

    private static void LoadWeights(SafetensorsReader reader, VfeTpsModel model)
    {
        var state = model.state_dict();
        var problems = new List<string>();
        foreach (var (key, target) in state)
        {
            if (!reader.Entries.TryGetValue(ModelPrefix + key, out var entry))
                problems.Add($"{ModelPrefix}{key}: missing");
            else if (!entry.Shape.SequenceEqual(target.shape))
                problems.Add($"{ModelPrefix}{key}: shape {entry.ShapeText} in the file, [{string.Join(", ", target.shape)}] in the model");
        }
        problems.AddRange(reader.Entries.Keys
            .Where(k => k.StartsWith(ModelPrefix, StringComparison.Ordinal) && !state.ContainsKey(k[ModelPrefix.Length..]))
            .Select(k => $"{k}: unexpected"));
        if (problems.Count > 0)
            throw new WeightLoadException(reader.Path, problems);
        using (no_grad())
        {
            foreach (var (key, target) in state)
                CopyChecked(reader, ModelPrefix + key, target);
        }
    }

    private static void CopyChecked(SafetensorsReader reader, string key, Tensor target)
    {
        using var stored = reader.Read(key);
        if (!stored.shape.SequenceEqual(target.shape))
            throw new WeightLoadException(reader.Path, [$"{key}: shape [{string.Join(", ", stored.shape)}] in the file, [{string.Join(", ", target.shape)}] expected"]);
        target.copy_(stored);
    }

    private static IEnumerable<(string Name, Adam.State State)> OptimizerStates(VfeTpsModel model, Adam optimizer)
    {
        var names = model.named_parameters().ToDictionary(p => p.parameter.Handle, p => p.name);
        var parameters = optimizer.parameters().ToList();
        var states = optimizer.state_dict().State;
        if (states.Count != parameters.Count)
            throw new InvalidOperationException($"The optimizer has {parameters.Count} parameters but {states.Count} states.");
        for (var i = 0; i < parameters.Count; i++)
        {
            if (!names.TryGetValue(parameters[i].Handle, out var name))
                throw new InvalidOperationException("The optimizer holds a parameter that is not part of the model.");
            yield return (name, (Adam.State)states[i]);
        }
    }

    private static void RequireFormat(SafetensorsReader reader)
    {
        if (!reader.Metadata.TryGetValue(FormatKey, out var format) || format != Format)
            throw new WeightLoadException($"'{reader.Path}' is not a VFE-TPS training checkpoint (metadata '{FormatKey}' is '{format ?? "absent"}', expected '{Format}').");
    }
}
