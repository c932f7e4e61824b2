using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Audit.Tests;

public sealed class RetentionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Retention_deletes_the_old_entries_in_batches_and_the_rest_still_verifies()
    {
        using var audit = new AuditTrailForTests(new Dictionary<string, string?> { ["Audit:RetentionBatchSize"] = "7" });
        for (var i = 0; i < 50; i++)
        {
            await audit.RecordAsync(ActionOf(i));
            audit.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        // Entry n was written at Start + (n - 1) minutes: the cutoff keeps entries 31..50.
        var deleted = await audit.Trail.DeleteBeforeAsync(AuditTrailForTests.Start.AddMinutes(30), Token);

        Assert.Equal(30, deleted);
        Assert.Equal(new AuditVerification(true, 20, 31, 50, null), await audit.VerifyAsync());
        Assert.Equal(30, audit.Scalar("SELECT sequence FROM audit_anchor"));

        await audit.RecordAsync("login");
        Assert.Equal(new AuditVerification(true, 21, 31, 51, null), await audit.VerifyAsync());
    }

    [Fact]
    public async Task Retention_of_every_entry_keeps_the_numbering_and_the_next_entry_chains_from_the_anchor()
    {
        using var audit = new AuditTrailForTests();
        for (var i = 0; i < 5; i++)
            await audit.RecordAsync("search.text");
        var last = (await audit.AllAsync())[^1];
        audit.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(5, await audit.Trail.DeleteBeforeAsync(audit.Clock.GetUtcNow(), Token));
        Assert.Equal(new AuditVerification(true, 0, null, null, null), await audit.VerifyAsync());

        await audit.RecordAsync("login");
        var entry = Assert.Single(await audit.AllAsync());
        Assert.Equal(6, entry.Sequence);
        Assert.Equal(1, audit.Scalar($"SELECT COUNT(*) FROM audit_entries WHERE previous_hash = '{last.Hash}'"));
        Assert.Equal(new AuditVerification(true, 1, 6, 6, null), await audit.VerifyAsync());
    }

    [Fact]
    public async Task Retention_with_nothing_old_enough_deletes_nothing()
    {
        using var audit = new AuditTrailForTests();
        await audit.RecordAsync("login");

        Assert.Equal(0, await audit.Trail.DeleteBeforeAsync(AuditTrailForTests.Start.AddDays(-1), Token));
        Assert.Equal(0, await audit.Trail.DeleteBeforeAsync(AuditTrailForTests.Start, Token));
        Assert.Single(await audit.AllAsync());
    }

    [Fact]
    public async Task Retention_stops_at_the_first_entry_not_old_enough_even_when_the_clock_went_back()
    {
        using var audit = new AuditTrailForTests();
        await audit.RecordAsync("login");
        audit.Clock.Advance(TimeSpan.FromHours(2));
        await audit.RecordAsync("login");
        var setBack = new SqliteAuditTrail(
            audit.Database,
            new FakeTimeProvider(AuditTrailForTests.Start.AddMinutes(1)),
            Options.Create(new AuditOptions()),
            audit.Services.GetRequiredService<AuditMetrics>(),
            NullLogger<SqliteAuditTrail>.Instance);
        await setBack.RecordAsync(AuditRecord.OfSystem("login"), Token);

        // Entry 3 is older than the cutoff but entry 2 is not: only the contiguous run from the oldest goes.
        Assert.Equal(1, await audit.Trail.DeleteBeforeAsync(AuditTrailForTests.Start.AddHours(1), Token));
        Assert.Equal(new AuditVerification(true, 2, 2, 3, null), await audit.VerifyAsync());
    }

    private static string ActionOf(int i) => i % 3 == 0 ? "login" : "search.text";
}
