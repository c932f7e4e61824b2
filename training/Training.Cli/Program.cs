using System.CommandLine;
using VfeTps.Stream.Training.Cli.Commands;

var root = new RootCommand("VFE-TPS model tools: generate SynthPedes, train, evaluate, run the ablation, benchmark, publish model bundles.")
{
    SynthCommand.Create(),
    TrainCommand.Create(),
    EvaluateCommand.Create(),
    AblationCommand.Create(),
    BenchCommand.Create(),
    PublishCommand.Create(),
    RuntimeComparisonCommand.Create(),
};
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
