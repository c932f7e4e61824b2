using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Audit.Tests;

public sealed class QueryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(57, 10)]
    [InlineData(20, 10)]
    [InlineData(3, 1000)]
    [InlineData(1, 1)]
    public async Task Paging_with_before_and_next_returns_every_entry_exactly_once_newest_first(int count, int limit)
    {
        using var audit = new AuditTrailForTests();
        for (var i = 0; i < count; i++)
            await audit.RecordAsync(AuditActions.Search);

        var seen = new List<long>();
        long? before = null;
        var pages = 0;
        do
        {
            var page = await audit.Trail.QueryAsync(new AuditFilter(Before: before, Limit: limit), Token);
            Assert.True(page.Entries.Count <= limit);
            Assert.NotEmpty(page.Entries);
            seen.AddRange(page.Entries.Select(entry => entry.Sequence));
            before = page.Next;
            Assert.True(++pages <= count, "Paging does not end.");
        }
        while (before is not null);

        Assert.Equal(Enumerable.Range(1, count).Reverse().Select(i => (long)i), seen);
        Assert.Equal((count + limit - 1) / limit, pages);
    }

    [Fact]
    public async Task The_actor_filter_matches_an_exact_actor_id_or_name()
    {
        using var audit = new AuditTrailForTests();
        await audit.RecordAsync(AuditActions.Search, actor: "alice");
        await audit.RecordAsync(AuditActions.Search, actor: "alicia");
        await audit.RecordAsync(AuditActions.Search, actor: "bob");
        await audit.Trail.RecordAsync(
            new AuditRecord(AuditActions.Search, "key:k7", "alice", null, new Dictionary<string, string?>(), AuditOutcome.Succeeded, null), Token);

        Assert.Equal([4L, 1L], await SequencesAsync(audit, new AuditFilter(Actor: "alice")));
        Assert.Equal([1L], await SequencesAsync(audit, new AuditFilter(Actor: "user:alice")));
        Assert.Equal([4L], await SequencesAsync(audit, new AuditFilter(Actor: "key:k7")));
        Assert.Empty(await SequencesAsync(audit, new AuditFilter(Actor: "ali")));
        Assert.Empty(await SequencesAsync(audit, new AuditFilter(Actor: "' OR 1=1 --")));
    }

    [Fact]
    public async Task The_action_filter_is_exact_or_a_prefix_ending_in_a_dot()
    {
        using var audit = new AuditTrailForTests();
        string[] actions = ["search.text", "search.similar", "search", "searches.x", "search/x", "crop.image", "login", "search.text.more"];
        foreach (var action in actions)
            await audit.RecordAsync(action);

        Assert.Equal([1L], await SequencesAsync(audit, new AuditFilter(Action: "search.text")));
        Assert.Equal([8L, 2L, 1L], await SequencesAsync(audit, new AuditFilter(Action: "search.")));
        Assert.Equal([8L], await SequencesAsync(audit, new AuditFilter(Action: "search.text.")));
        Assert.Equal([3L], await SequencesAsync(audit, new AuditFilter(Action: "search")));
        Assert.Empty(await SequencesAsync(audit, new AuditFilter(Action: "search%")));
    }

    [Fact]
    public async Task The_time_filter_includes_from_and_excludes_to()
    {
        using var audit = new AuditTrailForTests();
        for (var i = 0; i < 6; i++)
        {
            await audit.RecordAsync(AuditActions.Search);
            audit.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        var start = AuditTrailForTests.Start;
        Assert.Equal([4L, 3L], await SequencesAsync(audit, new AuditFilter(From: start.AddMinutes(20), To: start.AddMinutes(40))));
        Assert.Equal([6L, 5L], await SequencesAsync(audit, new AuditFilter(From: start.AddMinutes(35))));
        Assert.Equal([2L, 1L], await SequencesAsync(audit, new AuditFilter(To: start.AddMinutes(11))));
        Assert.Empty(await SequencesAsync(audit, new AuditFilter(From: start.AddMinutes(20), To: start.AddMinutes(20))));
    }

    [Fact]
    public async Task Filters_combine_with_paging()
    {
        using var audit = new AuditTrailForTests();
        for (var i = 0; i < 30; i++)
            await audit.RecordAsync(i % 2 == 0 ? AuditActions.Search : AuditActions.CropFrameOpened, actor: i % 3 == 0 ? "alice" : "bob");

        var expected = Enumerable.Range(0, 30).Where(i => i % 2 == 0 && i % 3 == 0).Select(i => (long)(i + 1)).Reverse().ToList();
        var seen = new List<long>();
        long? before = null;
        do
        {
            var page = await audit.Trail.QueryAsync(new AuditFilter(Actor: "alice", Action: "search.", Before: before, Limit: 2), Token);
            seen.AddRange(page.Entries.Select(entry => entry.Sequence));
            before = page.Next;
        }
        while (before is not null);

        Assert.Equal(expected, seen);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task A_limit_out_of_range_is_refused(int limit)
    {
        using var audit = new AuditTrailForTests();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => audit.Trail.QueryAsync(new AuditFilter(Limit: limit), Token));
    }

    [Fact]
    public async Task Reading_a_range_streams_oldest_first()
    {
        using var audit = new AuditTrailForTests();
        for (var i = 0; i < 5; i++)
        {
            await audit.RecordAsync(AuditActions.Search);
            audit.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var sequences = new List<long>();
        await foreach (var entry in audit.Trail.ReadAsync(AuditTrailForTests.Start.AddMinutes(1), AuditTrailForTests.Start.AddMinutes(4), Token))
            sequences.Add(entry.Sequence);

        Assert.Equal([2L, 3L, 4L], sequences);
    }

    private static async Task<List<long>> SequencesAsync(AuditTrailForTests audit, AuditFilter filter) =>
        [.. (await audit.Trail.QueryAsync(filter, Token)).Entries.Select(entry => entry.Sequence)];
}
