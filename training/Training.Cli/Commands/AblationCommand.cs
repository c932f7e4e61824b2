using System.CommandLine;
using VfeTps.Stream.Training.Ablation;
using VfeTps.Stream.Training.Native;
using VfeTps.Stream.Training.Trainer;

namespace VfeTps.Stream.Training.Cli.Commands;

/// <summary><c>vfetps-train ablation</c>: the paper's ablation and controls, several seeds each.</summary>
internal static class AblationCommand
{
    public static Command Create()
    {
        var recipe = new Option<FileInfo>("--recipe") { Description = "Base recipe (every variant changes only its objectives).", Required = true };
        var dataset = new Option<string?>("--dataset") { Description = "Data set (overrides the recipe)." };
        var output = new Option<DirectoryInfo>("--output") { Description = "Study folder: runs/, ablation.md, ablation.json, ablation.png.", Required = true };
        var seeds = new Option<int[]>("--seeds") { Description = "Seeds per variant.", DefaultValueFactory = _ => [1, 2, 3], AllowMultipleArgumentsPerToken = true };
        var only = new Option<string[]>("--variants")
        {
            Description = "Subset of variants: " + string.Join(", ", AblationVariant.Standard.Select(v => v.Name)),
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("ablation", "Train and test every variant with every seed; report mean ± std (resumable).")
        {
            recipe, dataset, output, seeds, only,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            TorchRuntime.EnsureLoaded();
            var loaded = TrainingRecipeJson.Load(parse.GetValue(recipe)!.FullName);
            var baseRecipe = loaded with { Dataset = parse.GetValue(dataset) ?? loaded.Dataset };
            var names = parse.GetValue(only) is { Length: > 0 } chosen ? chosen.ToHashSet(StringComparer.OrdinalIgnoreCase) : null;
            var variants = AblationVariant.Standard.Where(v => names is null || names.Contains(v.Name)).ToList();
            if (variants.Count == 0)
                throw new ArgumentException("None of the requested variants exists.");
            var table = new AblationStudy(Console.Out).Run(baseRecipe, variants, parse.GetValue(seeds)!, parse.GetValue(output)!.FullName, cancellationToken);
            Console.WriteLine(table.ToMarkdown("Ablation"));
            return Task.FromResult(0);
        });
        return command;
    }
}
