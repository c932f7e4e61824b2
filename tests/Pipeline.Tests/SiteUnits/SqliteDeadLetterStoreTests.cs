using Microsoft.Extensions.Logging.Abstractions;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Host.Site;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.Pipeline.Tests.SiteUnits;

public sealed class SqliteDeadLetterStoreTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();
    private readonly SqliteDeadLetterStore _store;

    public SqliteDeadLetterStoreTests()
    {
        _store = new SqliteDeadLetterStore(new SiteDatabase(_temp.PathOf("site.db")), NullLogger<SqliteDeadLetterStore>.Instance);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_written_letter_reads_back_whole()
    {
        var letter = new DeadLetter("Embedder", "lobby.1.0", "the crop image is missing", Noon.AddMilliseconds(123), "lobby track 1 shot 0");

        await _store.WriteAsync(letter, TestContext.Current.CancellationToken);

        Assert.Equal([letter], _store.Latest(10));
    }

    [Fact]
    public async Task A_letter_without_key_or_payload_reads_back_with_nulls()
    {
        var letter = new DeadLetter("PersonCrop", null, "the frame is empty", Noon, null);

        await _store.WriteAsync(letter, TestContext.Current.CancellationToken);

        Assert.Equal([letter], _store.Latest(10));
    }

    [Fact]
    public async Task The_latest_come_newest_first_and_up_to_the_limit()
    {
        for (var i = 0; i < 5; i++)
        {
            await _store.WriteAsync(new DeadLetter("Embedder", $"crop-{i}", "reason", Noon.AddSeconds(i), null), TestContext.Current.CancellationToken);
        }

        Assert.Equal(["crop-4", "crop-3", "crop-2"], _store.Latest(3).Select(letter => letter.Key));
        Assert.Equal(5, _store.Latest(100).Count);
    }

    [Fact]
    public async Task Newest_means_last_written_even_when_an_older_time_is_written_later()
    {
        await _store.WriteAsync(new DeadLetter("Embedder", "first", "reason", Noon, null), TestContext.Current.CancellationToken);
        await _store.WriteAsync(new DeadLetter("Embedder", "second", "reason", Noon.AddHours(-1), null), TestContext.Current.CancellationToken);

        Assert.Equal(["second", "first"], _store.Latest(10).Select(letter => letter.Key));
    }

    [Fact]
    public async Task The_limit_is_clamped_to_at_least_one_and_at_most_a_thousand()
    {
        for (var i = 0; i < 1005; i++)
        {
            await _store.WriteAsync(new DeadLetter("Embedder", $"crop-{i}", "reason", Noon, null), TestContext.Current.CancellationToken);
        }

        Assert.Single(_store.Latest(0));
        Assert.Single(_store.Latest(-5));
        Assert.Equal(1000, _store.Latest(5000).Count);
        Assert.Equal(1000, _store.Latest(int.MaxValue).Count);
        Assert.Equal("crop-1004", _store.Latest(int.MaxValue)[0].Key);
    }

    [Fact]
    public void Nothing_written_reads_as_empty()
    {
        Assert.Empty(_store.Latest(10));
    }

    [Fact]
    public async Task Long_text_is_truncated_to_the_limit_with_an_ellipsis()
    {
        var longText = new string('x', SqliteDeadLetterStore.MaxTextLength + 500);
        var shortEnough = new string('y', SqliteDeadLetterStore.MaxTextLength);

        await _store.WriteAsync(new DeadLetter("Embedder", longText, longText, Noon, longText), TestContext.Current.CancellationToken);
        await _store.WriteAsync(new DeadLetter("Embedder", shortEnough, shortEnough, Noon, shortEnough), TestContext.Current.CancellationToken);

        var letters = _store.Latest(2);
        Assert.Equal(shortEnough, letters[0].Reason);
        Assert.Equal(shortEnough, letters[0].Key);
        var truncated = letters[1];
        foreach (var text in new[] { truncated.Key!, truncated.Reason, truncated.Payload! })
        {
            Assert.Equal(string.Concat(longText.AsSpan(0, SqliteDeadLetterStore.MaxTextLength), "…"), text);
        }
    }

    [Fact]
    public async Task Truncation_never_splits_a_character_in_two()
    {
        // A camera name with an emoji (a surrogate pair) straddling the cut.
        var reason = new string('x', SqliteDeadLetterStore.MaxTextLength - 1) + "📷 and more";

        await _store.WriteAsync(new DeadLetter("FrameIngest", "lobby", reason, Noon, null), TestContext.Current.CancellationToken);

        var stored = Assert.Single(_store.Latest(1)).Reason;
        Assert.Equal(new string('x', SqliteDeadLetterStore.MaxTextLength - 1) + "…", stored);
        Assert.DoesNotContain(stored, char.IsSurrogate);
    }

    [Fact]
    public async Task Deleting_before_a_cutoff_removes_only_older_letters()
    {
        await _store.WriteAsync(new DeadLetter("Embedder", "old", "reason", Noon.AddDays(-2), null), TestContext.Current.CancellationToken);
        await _store.WriteAsync(new DeadLetter("Embedder", "just-before", "reason", Noon.AddMilliseconds(-1), null), TestContext.Current.CancellationToken);
        await _store.WriteAsync(new DeadLetter("Embedder", "at-cutoff", "reason", Noon, null), TestContext.Current.CancellationToken);
        await _store.WriteAsync(new DeadLetter("Embedder", "new", "reason", Noon.AddDays(1), null), TestContext.Current.CancellationToken);

        Assert.Equal(2, _store.DeleteBefore(Noon));

        Assert.Equal(["new", "at-cutoff"], _store.Latest(10).Select(letter => letter.Key));
        Assert.Equal(0, _store.DeleteBefore(Noon));
    }

    [Fact]
    public async Task Letters_survive_a_new_store_over_the_same_database()
    {
        var path = _temp.PathOf("site.db");
        await _store.WriteAsync(new DeadLetter("Embedder", "kept", "reason", Noon, null), TestContext.Current.CancellationToken);

        var reopened = new SqliteDeadLetterStore(new SiteDatabase(path), NullLogger<SqliteDeadLetterStore>.Instance);

        Assert.Equal("kept", Assert.Single(reopened.Latest(10)).Key);
    }

    [Fact]
    public async Task Concurrent_writers_lose_no_letter()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await _store.WriteAsync(new DeadLetter("Embedder", $"{writer}-{i}", "reason", Noon, null), TestContext.Current.CancellationToken);
            }
        }, TestContext.Current.CancellationToken)));

        Assert.Equal(100, _store.Latest(1000).Select(letter => letter.Key).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_null_letter_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await _store.WriteAsync(null!, TestContext.Current.CancellationToken));
    }
}
