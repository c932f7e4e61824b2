using System.CommandLine;
using VfeTps.Stream.Training.Cli.Commands;

var root = new RootCommand("VFE-TPS model tools: benchmark the model (training and evaluation follow).");
root.Subcommands.Add(BenchCommand.Create());
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
