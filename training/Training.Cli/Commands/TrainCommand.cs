using System.CommandLine;
using VfeTps.Stream.Training.Trainer;

namespace VfeTps.Stream.Training.Cli.Commands;

/// <summary><c>vfetps-train train</c>: train from a recipe into a run folder, or resume one.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var recipe = new Option<FileInfo?>("--recipe") { Description = "Training recipe (JSON). Default: the paper's recipe." };
        var output = new Option<DirectoryInfo?>("--output") { Description = "Run folder to create (checkpoints, metrics, plots)." };
        var resume = new Option<DirectoryInfo?>("--resume") { Description = "Continue the run in this folder from its last checkpoint." };
        var dataset = new Option<string?>("--dataset") { Description = "Data set folder or annotation file (overrides the recipe)." };
        var clip = new Option<FileInfo?>("--clip-weights") { Description = "OpenAI CLIP weights (safetensors) to start from (overrides the recipe)." };
        var tokenizer = new Option<DirectoryInfo?>("--tokenizer") { Description = "Folder with vocab.json + merges.txt or bpe_simple_vocab_16e6.txt.gz." };
        var epochs = new Option<int?>("--epochs") { Description = "Number of epochs (overrides the recipe)." };
        var seed = new Option<int?>("--seed") { Description = "Random seed (overrides the recipe)." };
        var maxSteps = new Option<int?>("--max-steps") { Description = "Stop after this many steps (smoke tests)." };
        var command = new Command("train", "Train VFE-TPS (CMPM + TG-MIM + IS-GVFC by default); Ctrl-C saves a checkpoint to resume from.")
        {
            recipe, output, resume, dataset, clip, tokenizer, epochs, seed, maxSteps,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var trainer = new ModelTrainer(Console.Out);
            if (parse.GetValue(resume) is { } runToResume)
                return Task.FromResult(ExitCode(trainer.Resume(new TrainingRunFolder(runToResume.FullName), cancellationToken)));
            var run = parse.GetValue(output) ?? throw new ArgumentException("Give --output (a new run folder) or --resume (an existing one).");
            var loaded = parse.GetValue(recipe) is { } file ? TrainingRecipeJson.Load(file.FullName) : new TrainingRecipe();
            var effective = loaded with
            {
                Dataset = parse.GetValue(dataset) ?? loaded.Dataset,
                ClipWeights = parse.GetValue(clip)?.FullName ?? loaded.ClipWeights,
                Tokenizer = parse.GetValue(tokenizer)?.FullName ?? loaded.Tokenizer,
                Epochs = parse.GetValue(epochs) ?? loaded.Epochs,
                Seed = parse.GetValue(seed) ?? loaded.Seed,
                MaxSteps = parse.GetValue(maxSteps) ?? loaded.MaxSteps,
            };
            return Task.FromResult(ExitCode(trainer.Train(effective, new TrainingRunFolder(run.FullName), cancellationToken)));
        });
        return command;
    }

    // 130 is the shell's code for "stopped by Ctrl-C".
    private static int ExitCode(TrainingOutcome outcome) => outcome == TrainingOutcome.Completed ? 0 : 130;
}
