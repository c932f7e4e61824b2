using Microsoft.Extensions.DependencyInjection;
using VfeTps.Stream.Audit;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Pipeline.Tests;

/// <summary>The served model is recorded at every start, and a start with another model is recorded as a change.</summary>
public sealed class ModelAuditTests
{
    [Fact]
    public async Task Each_start_records_its_model_and_a_start_with_another_bundle_records_the_change()
    {
        using var data = new TempDirectory();
        var bundle = Path.Combine(SiteFactory.RepositoryRoot, "models", "tiny-synthpedes-20261128");
        var relabelled = data.CreateSubdirectory("relabelled-model");
        foreach (var file in Directory.EnumerateFiles(bundle, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(relabelled, Path.GetRelativePath(bundle, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var manifest = Path.Combine(relabelled, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"tiny-synthpedes-20261128\"", "\"tiny-relabelled-1\"", StringComparison.Ordinal));
        var site = data.CreateSubdirectory("site");

        await using (var first = new SiteFactory(site))
        {
            _ = first.Services;
        }

        await using var second = new SiteFactory(site, new Dictionary<string, string> { ["Site:ModelBundle"] = relabelled });
        var audit = second.Services.GetRequiredService<SqliteAuditTrail>();
        var entries = (await audit.QueryAsync(new AuditFilter(Action: "model."), TestContext.Current.CancellationToken)).Entries;

        Assert.Equal(
            [(AuditActions.ModelLoaded, "tiny-relabelled-1"), (AuditActions.ModelChanged, "tiny-relabelled-1"), (AuditActions.ModelLoaded, "tiny-synthpedes-20261128")],
            entries.Select(entry => (entry.Action, entry.Target)));
        var change = entries[1];
        Assert.Equal(("tiny-synthpedes-20261128", "tiny-relabelled-1"), (change.Detail["from"], change.Detail["to"]));
        Assert.Equal("system", change.ActorId);
    }
}
