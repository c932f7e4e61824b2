using System.CommandLine;
using VfeTps.Stream.SynthPedes;
using VfeTps.Stream.Training.Trainer;

namespace VfeTps.Stream.Training.Cli.Commands;

/// <summary><c>vfetps-train synth</c>: generate a SynthPedes data set.</summary>
internal static class SynthCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--output") { Description = "Folder for images, synthpedes.json and contact-sheet.png.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same files.", DefaultValueFactory = _ => 1 };
        var train = new Option<int>("--train-identities") { DefaultValueFactory = _ => 1000 };
        var validation = new Option<int>("--val-identities") { DefaultValueFactory = _ => 100 };
        var test = new Option<int>("--test-identities") { DefaultValueFactory = _ => 300 };
        var siblings = new Option<double>("--sibling-share") { Description = "Share of identities that differ from another in one or two attributes.", DefaultValueFactory = _ => 0.5 };
        var occlusion = new Option<double>("--occlusion") { Description = "Probability that a shot is partly occluded.", DefaultValueFactory = _ => 0.3 };
        var splits = new Option<string[]>("--splits")
        {
            Description = "Render only these splits (train, val, test); the others are still planned, so the images are the same as in the full set.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("synth", "Generate SynthPedes: synthetic pedestrians with attributes and captions in the CUHK-PEDES format.")
        {
            output, seed, train, validation, test, siblings, occlusion, splits,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new SynthPedesOptions
            {
                OutputDirectory = parse.GetValue(output)!.FullName,
                Seed = parse.GetValue(seed),
                TrainIdentities = parse.GetValue(train),
                ValidationIdentities = parse.GetValue(validation),
                TestIdentities = parse.GetValue(test),
                SiblingShare = parse.GetValue(siblings),
                OcclusionProbability = parse.GetValue(occlusion),
                Splits = parse.GetValue(splits) is { Length: > 0 } names ? names.ToHashSet(StringComparer.Ordinal) : null,
            };
            ProgressLine? line = null;
            var summary = SynthPedesGenerator.Generate(options, new ImmediateProgress<SynthPedesProgress>(p =>
            {
                line ??= new ProgressLine(Console.Out, "rendering", p.ImagesTotal);
                line.Report(p.ImagesDone);
            }), cancellationToken);
            Console.WriteLine($"{summary.TotalImages} images of {summary.TotalIdentities} identities in {summary.Elapsed.TotalSeconds:F1} s: {summary.AnnotationFile}, {summary.ContactSheetFile}");
            return Task.FromResult(0);
        });
        return command;
    }
}
