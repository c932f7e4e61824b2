using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Audit.Tests;

public sealed class ChainTests
{
    [Fact]
    public async Task An_untouched_trail_verifies()
    {
        using var audit = new AuditTrailForTests();
        for (var i = 0; i < 10; i++)
            await audit.RecordAsync(i % 2 == 0 ? AuditActions.Search : AuditActions.CropImageOpened, target: $"crop-{i}");

        Assert.Equal(new AuditVerification(true, 10, 1, 10, null), await audit.VerifyAsync());
    }

    [Fact]
    public async Task An_empty_trail_verifies_with_no_entries()
    {
        using var audit = new AuditTrailForTests();

        Assert.Equal(new AuditVerification(true, 0, null, null, null), await audit.VerifyAsync());
    }

    [Fact]
    public async Task Each_entry_chains_from_the_previous_hash_and_the_first_from_the_genesis()
    {
        using var audit = new AuditTrailForTests();
        for (var i = 0; i < 3; i++)
            await audit.RecordAsync(AuditActions.Search);
        var entries = await audit.AllAsync();

        Assert.Equal(3, entries.Select(entry => entry.Hash).Distinct().Count());
        Assert.Equal(1, audit.Scalar($"SELECT COUNT(*) FROM audit_entries WHERE sequence = 1 AND previous_hash = '{new string('0', 64)}'"));
        Assert.Equal(1, audit.Scalar($"SELECT COUNT(*) FROM audit_entries WHERE sequence = 2 AND previous_hash = '{entries[0].Hash}'"));
        Assert.Equal(1, audit.Scalar($"SELECT COUNT(*) FROM audit_entries WHERE sequence = 3 AND previous_hash = '{entries[1].Hash}'"));
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET actor_name = 'mallory' WHERE sequence = 5")]
    [InlineData("UPDATE audit_entries SET detail = '{\"query\":\"nothing to see\"}' WHERE sequence = 5")]
    [InlineData("UPDATE audit_entries SET time = time - 1 WHERE sequence = 5")]
    [InlineData("UPDATE audit_entries SET outcome = 'Refused' WHERE sequence = 5")]
    [InlineData("UPDATE audit_entries SET target = NULL WHERE sequence = 5")]
    [InlineData("UPDATE audit_entries SET client_address = '' WHERE sequence = 5")]
    [InlineData("UPDATE audit_entries SET hash = previous_hash WHERE sequence = 5")]
    [InlineData("UPDATE audit_entries SET detail = 'not json' WHERE sequence = 5")]
    public async Task An_edited_entry_breaks_the_chain_at_that_entry(string edit)
    {
        using var audit = new AuditTrailForTests();
        for (var i = 0; i < 8; i++)
            await audit.RecordAsync(AuditActions.Search, target: $"cam-{i}", detail: new Dictionary<string, string?> { ["query"] = $"person {i}" });
        audit.DropTriggers();

        Assert.Equal(1, audit.Sql(edit));

        Assert.Equal(new AuditVerification(false, 8, 1, 8, 5), await audit.VerifyAsync());
    }

    [Fact]
    public async Task A_removed_entry_breaks_the_chain_at_the_next_one()
    {
        using var audit = new AuditTrailForTests();
        for (var i = 0; i < 8; i++)
            await audit.RecordAsync(AuditActions.Search);
        audit.DropTriggers();

        audit.Sql("DELETE FROM audit_entries WHERE sequence = 5");

        Assert.Equal(new AuditVerification(false, 7, 1, 8, 6), await audit.VerifyAsync());
    }

    [Fact]
    public async Task Concurrent_appends_keep_the_chain_intact_and_the_sequence_contiguous()
    {
        using var audit = new AuditTrailForTests();
        const int Writers = 8;
        const int EntriesEach = 50;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < EntriesEach; i++)
                await audit.RecordAsync(AuditActions.Search, actor: $"writer{writer}", target: i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        })));

        var entries = await audit.AllAsync();
        Assert.Equal(Enumerable.Range(1, Writers * EntriesEach).Select(i => (long)i), entries.Select(entry => entry.Sequence));
        Assert.All(Enumerable.Range(0, Writers), writer => Assert.Equal(EntriesEach, entries.Count(entry => entry.ActorName == $"writer{writer}")));
        Assert.Equal(new AuditVerification(true, Writers * EntriesEach, 1, Writers * EntriesEach, null), await audit.VerifyAsync());
    }

    [Fact]
    public async Task Two_trails_on_one_file_serialize_through_the_database()
    {
        using var audit = new AuditTrailForTests();
        var trails = new[] { audit.Trail, audit.SecondTrail() };
        const int EntriesEach = 25;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < EntriesEach; i++)
            {
                await trails[writer % 2].RecordAsync(
                    AuditRecord.OfSystem(AuditActions.ModelLoaded, $"{writer}/{i}"), TestContext.Current.CancellationToken);
            }
        })));

        var entries = await audit.AllAsync();
        Assert.Equal(Enumerable.Range(1, 4 * EntriesEach).Select(i => (long)i), entries.Select(entry => entry.Sequence));
        Assert.Equal(new AuditVerification(true, 4 * EntriesEach, 1, 4 * EntriesEach, null), await audit.VerifyAsync());
    }
}
