using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Audit.Tests;

public sealed class RecordingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_record_is_written_with_every_field_and_the_clocks_time()
    {
        using var audit = new AuditTrailForTests();
        audit.Clock.Advance(TimeSpan.FromMilliseconds(1234.6));
        var writtenAt = audit.Clock.GetUtcNow();
        var detail = new Dictionary<string, string?> { ["query"] = "red jacket", ["k"] = "20", ["cameras"] = null };
        await audit.Trail.RecordAsync(
            new AuditRecord(AuditActions.Search, "key:k1", "integration", "cam-a", detail, AuditOutcome.Refused, "192.0.2.10"), Token);
        audit.Clock.Advance(TimeSpan.FromSeconds(90));
        await audit.RecordAsync(AuditActions.LoggedIn);

        var entries = await audit.AllAsync();

        Assert.Equal(2, entries.Count);
        var first = entries[0];
        Assert.Equal(1, first.Sequence);
        Assert.Equal(writtenAt.ToUnixTimeMilliseconds(), first.Time.ToUnixTimeMilliseconds());
        Assert.Equal(TimeSpan.Zero, first.Time.Offset);
        Assert.Equal(AuditActions.Search, first.Action);
        Assert.Equal("key:k1", first.ActorId);
        Assert.Equal("integration", first.ActorName);
        Assert.Equal("cam-a", first.Target);
        Assert.Equal(detail.OrderBy(pair => pair.Key, StringComparer.Ordinal), first.Detail.OrderBy(pair => pair.Key, StringComparer.Ordinal));
        Assert.Equal(AuditOutcome.Refused, first.Outcome);
        Assert.Equal("192.0.2.10", first.ClientAddress);
        Assert.Matches("^[0-9a-f]{64}$", first.Hash);
        Assert.Equal(2, entries[1].Sequence);
        Assert.Equal(writtenAt.AddSeconds(90).ToUnixTimeMilliseconds(), entries[1].Time.ToUnixTimeMilliseconds());
        Assert.Null(entries[1].Target);
    }

    [Fact]
    public async Task A_hostile_megabyte_value_is_cut_and_marked_so_the_trail_stays_small()
    {
        using var audit = new AuditTrailForTests();
        var huge = new string('x', 1024 * 1024);
        await audit.RecordAsync(AuditActions.Search, target: huge, detail: new Dictionary<string, string?> { ["query"] = huge });

        var entry = Assert.Single(await audit.AllAsync());

        Assert.StartsWith(new string('x', 2000) + "…[truncated from 1048576 characters]", entry.Target, StringComparison.Ordinal);
        Assert.True(entry.Target!.Length < 2100, $"Target kept {entry.Target.Length} characters.");
        Assert.Equal(entry.Target, entry.Detail["query"]);
        Assert.True((await audit.VerifyAsync()).Intact);
        Assert.True(audit.Scalar("SELECT SUM(length(detail) + length(target)) FROM audit_entries") < 5000);
    }

    [Fact]
    public async Task Detail_entries_beyond_the_bound_are_dropped_and_counted()
    {
        using var audit = new AuditTrailForTests(new Dictionary<string, string?> { ["Audit:MaxDetailEntries"] = "4" });
        var detail = Enumerable.Range(0, 10).ToDictionary(i => $"key{i}", i => (string?)$"value{i}");

        await audit.RecordAsync(AuditActions.UserUpdated, detail: detail);

        var entry = Assert.Single(await audit.AllAsync());
        Assert.Equal(5, entry.Detail.Count);
        Assert.Equal(["key0", "key1", "key2", "key3"], entry.Detail.Keys.Where(key => key.StartsWith("key", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal("6", entry.Detail["(omitted entries)"]);
    }

    [Fact]
    public async Task Control_characters_and_unicode_are_kept_as_data()
    {
        using var audit = new AuditTrailForTests();
        const string Hostile = "a\0b\u001b[31mred\r\nline2\ttab\u202eevil\u0085 Zoë 東京 🚶";
        await audit.RecordAsync(AuditActions.Search, target: Hostile, detail: new Dictionary<string, string?> { [Hostile] = Hostile });

        var entry = Assert.Single(await audit.AllAsync());

        Assert.Equal(Hostile, entry.Target);
        Assert.Equal(Hostile, entry.Detail[Hostile]);
        Assert.True((await audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_lone_surrogate_is_stored_as_a_replacement_character_and_the_chain_holds()
    {
        using var audit = new AuditTrailForTests();
        await audit.RecordAsync(AuditActions.Search, target: "half \ud83d of a person", detail: new Dictionary<string, string?> { ["q"] = "\udc00" });

        var entry = Assert.Single(await audit.AllAsync());

        Assert.Equal("half \ufffd of a person", entry.Target);
        Assert.Equal("\ufffd", entry.Detail["q"]);
        Assert.True((await audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_record_without_action_or_actor_is_refused_and_nothing_is_written()
    {
        using var audit = new AuditTrailForTests();
        var empty = new Dictionary<string, string?>();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            audit.Trail.RecordAsync(new AuditRecord(" ", "user:a", "a", null, empty, AuditOutcome.Succeeded, null), Token));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            audit.Trail.RecordAsync(new AuditRecord(AuditActions.Search, "", "a", null, empty, AuditOutcome.Succeeded, null), Token));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            audit.Trail.RecordAsync(new AuditRecord(AuditActions.Search, "user:a", "a", null, empty, (AuditOutcome)42, null), Token));
        await Assert.ThrowsAsync<ArgumentNullException>(() => audit.Trail.RecordAsync(null!, Token));

        Assert.Empty(await audit.AllAsync());
    }

    [Fact]
    public async Task A_cancelled_record_is_not_written()
    {
        using var audit = new AuditTrailForTests();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            audit.Trail.RecordAsync(AuditRecord.OfSystem(AuditActions.ModelLoaded), cancelled.Token));

        Assert.Empty(await audit.AllAsync());
    }

    [Fact]
    public async Task The_trail_is_the_registered_IAuditTrail_and_system_records_name_the_system()
    {
        using var audit = new AuditTrailForTests();
        var trail = (IAuditTrail)audit.Services.GetService(typeof(IAuditTrail))!;

        Assert.Same(audit.Trail, trail);
        await trail.RecordAsync(AuditRecord.OfSystem(AuditActions.ModelLoaded, "tiny-synthpedes-20261128"), Token);

        var entry = Assert.Single(await audit.AllAsync());
        Assert.Equal(("system", "system", "tiny-synthpedes-20261128"), (entry.ActorId, entry.ActorName, entry.Target));
    }

    [Fact]
    public async Task Written_entries_are_counted_by_action()
    {
        using var audit = new AuditTrailForTests();
        using var written = new CounterForTests(audit.Services, "vfetps.audit.entries");

        await audit.RecordAsync(AuditActions.Search);
        await audit.RecordAsync(AuditActions.Search);
        await audit.RecordAsync(AuditActions.LoggedIn);

        Assert.Equal(2, written.Total("action", AuditActions.Search));
        Assert.Equal(1, written.Total("action", AuditActions.LoggedIn));
    }
}
