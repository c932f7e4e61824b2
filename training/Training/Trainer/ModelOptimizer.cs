using TorchSharp.Modules;
using VfeTps.Stream.Training.Models;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Trainer;

/// <summary>
/// Adam over parameter groups that follow the reference code: TG-MIM's cross-modal modules and the
/// identity head learn <c>CrossModalLearningRateFactor</c>× faster (they start from scratch while the
/// towers may start from CLIP), biases learn <c>BiasLearningRateFactor</c>× faster without weight decay.
/// </summary>
public sealed class ModelOptimizer : IDisposable
{
    private readonly OptimizerSettings _settings;
    private readonly List<double> _factors = [];

    public ModelOptimizer(VfeTpsModel model, OptimizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        var groups = model.named_parameters()
            .GroupBy(p => Classify(p.name, settings))
            .OrderBy(g => g.Key.Factor)
            .ThenBy(g => g.Key.WeightDecay)
            .ToList();
        var paramGroups = new List<Adam.ParamGroup>();
        foreach (var group in groups)
        {
            _factors.Add(group.Key.Factor);
            paramGroups.Add(new Adam.ParamGroup(
                group.Select(p => p.parameter).ToList(),
                settings.LearningRate * group.Key.Factor, settings.Beta1, settings.Beta2, settings.Epsilon, group.Key.WeightDecay));
        }
        Adam = optim.Adam(paramGroups, settings.LearningRate, settings.Beta1, settings.Beta2, settings.Epsilon, settings.WeightDecay);
    }

    public Adam Adam { get; }

    /// <summary>The base learning rate currently in force (before group factors).</summary>
    public double LearningRate { get; private set; }

    /// <summary>Sets every group's learning rate to base × schedule factor × group factor.</summary>
    public void ApplySchedule(double scheduleFactor)
    {
        LearningRate = _settings.LearningRate * scheduleFactor;
        var i = 0;
        foreach (var group in Adam.ParamGroups)
            group.LearningRate = LearningRate * _factors[i++];
    }

    public void Dispose() => Adam.Dispose();

    /// <summary>The (learning-rate factor, weight decay) of a parameter, by its name.</summary>
    public static (double Factor, double WeightDecay) Classify(string name, OptimizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(settings);
        if (name.EndsWith(".bias", StringComparison.Ordinal) || name.EndsWith("_bias", StringComparison.Ordinal))
            return (settings.BiasLearningRateFactor, 0);
        if (name.StartsWith("tgmim.", StringComparison.Ordinal) || name.StartsWith("id_head.", StringComparison.Ordinal))
            return (settings.CrossModalLearningRateFactor, settings.WeightDecay);
        return (1, settings.WeightDecay);
    }
}
