using Microsoft.Data.Sqlite;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Audit.Tests;

public sealed class AppendOnlyTests
{
    [Fact]
    public async Task An_update_through_raw_sql_is_refused()
    {
        using var audit = new AuditTrailForTests();
        await audit.RecordAsync(AuditActions.Search, actor: "alice");

        var error = Assert.Throws<SqliteException>(() => audit.Sql("UPDATE audit_entries SET actor_name = 'mallory' WHERE sequence = 1"));

        Assert.Contains("the audit trail is append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal("alice", Assert.Single(await audit.AllAsync()).ActorName);
    }

    [Fact]
    public async Task Deleting_any_but_the_oldest_entry_is_refused()
    {
        using var audit = new AuditTrailForTests();
        for (var i = 0; i < 3; i++)
            await audit.RecordAsync(AuditActions.Search);

        var newest = Assert.Throws<SqliteException>(() => audit.Sql("DELETE FROM audit_entries WHERE sequence = 3"));
        var all = Assert.Throws<SqliteException>(() => audit.Sql("DELETE FROM audit_entries WHERE sequence >= 2"));

        Assert.Contains("only the oldest entries can be deleted", newest.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", all.Message, StringComparison.Ordinal);
        Assert.Equal([1L, 2L, 3L], (await audit.AllAsync()).Select(entry => entry.Sequence));
    }

    [Fact]
    public async Task Deleting_the_oldest_entry_moves_the_anchor_so_the_rest_still_verifies()
    {
        using var audit = new AuditTrailForTests();
        for (var i = 0; i < 3; i++)
            await audit.RecordAsync(AuditActions.Search);

        Assert.Equal(1, audit.Sql("DELETE FROM audit_entries WHERE sequence = 1"));

        Assert.Equal(new AuditVerification(true, 2, 2, 3, null), await audit.VerifyAsync());
        Assert.Equal(1, audit.Scalar("SELECT sequence FROM audit_anchor"));
    }

    [Fact]
    public async Task The_anchor_cannot_be_moved_back_or_deleted()
    {
        using var audit = new AuditTrailForTests();
        await audit.RecordAsync(AuditActions.Search);
        await audit.RecordAsync(AuditActions.Search);
        audit.Sql("DELETE FROM audit_entries WHERE sequence = 1");

        var back = Assert.Throws<SqliteException>(() => audit.Sql("UPDATE audit_anchor SET sequence = 0"));
        var gone = Assert.Throws<SqliteException>(() => audit.Sql("DELETE FROM audit_anchor"));

        Assert.Contains("anchor only moves forward", back.Message, StringComparison.Ordinal);
        Assert.Contains("anchor cannot be deleted", gone.Message, StringComparison.Ordinal);
        Assert.True((await audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Creating_the_schema_again_keeps_the_entries_and_restores_dropped_triggers()
    {
        using var audit = new AuditTrailForTests();
        await audit.RecordAsync(AuditActions.Search);
        audit.DropTriggers();

        // A restart: a new trail on the same file creates its schema again (idempotently).
        var restarted = audit.SecondTrail();
        await restarted.RecordAsync(AuditRecord.OfSystem(AuditActions.ModelLoaded), TestContext.Current.CancellationToken);

        Assert.Equal(new AuditVerification(true, 2, 1, 2, null), await restarted.VerifyAsync(TestContext.Current.CancellationToken));
        Assert.Throws<SqliteException>(() => audit.Sql("UPDATE audit_entries SET action = 'x'"));
        Assert.Equal(5, audit.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_%'"));
    }
}
