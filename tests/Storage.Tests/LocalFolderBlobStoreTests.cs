namespace VfeTps.Stream.Storage.Tests;

public sealed class LocalFolderBlobStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly LocalFolderBlobStore _store;

    public LocalFolderBlobStoreTests()
    {
        _store = new LocalFolderBlobStore(_temp.PathOf("blobs"));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Put_get_exists_and_delete_round_trip()
    {
        var token = TestContext.Current.CancellationToken;
        byte[] content = [1, 2, 3, 255];

        await _store.PutAsync("crops/lobby.1.0.jpg", content, token);

        Assert.True(await _store.ExistsAsync("crops/lobby.1.0.jpg", token));
        Assert.Equal(content, await _store.GetAsync("crops/lobby.1.0.jpg", token));
        Assert.True(File.Exists(Path.Combine(_store.RootDirectory, "crops", "lobby.1.0.jpg")));

        Assert.True(await _store.DeleteAsync("crops/lobby.1.0.jpg", token));
        Assert.False(await _store.ExistsAsync("crops/lobby.1.0.jpg", token));
        Assert.Null(await _store.GetAsync("crops/lobby.1.0.jpg", token));
    }

    [Fact]
    public async Task Putting_a_key_again_replaces_its_content()
    {
        var token = TestContext.Current.CancellationToken;
        await _store.PutAsync("crops/a.jpg", new byte[1000], token);

        await _store.PutAsync("crops/a.jpg", new byte[] { 9, 8 }, token);

        Assert.Equal([9, 8], await _store.GetAsync("crops/a.jpg", token));
    }

    [Fact]
    public async Task An_empty_blob_is_stored_and_read_as_empty_not_missing()
    {
        var token = TestContext.Current.CancellationToken;

        await _store.PutAsync("crops/empty.jpg", ReadOnlyMemory<byte>.Empty, token);

        Assert.True(await _store.ExistsAsync("crops/empty.jpg", token));
        var content = await _store.GetAsync("crops/empty.jpg", token);
        Assert.NotNull(content);
        Assert.Empty(content);
    }

    [Fact]
    public async Task A_missing_key_reads_as_null_and_false()
    {
        var token = TestContext.Current.CancellationToken;

        Assert.Null(await _store.GetAsync("crops/none.jpg", token));
        Assert.Null(await _store.GetAsync("no-such-folder/none.jpg", token));
        Assert.False(await _store.ExistsAsync("crops/none.jpg", token));
        Assert.False(await _store.DeleteAsync("crops/none.jpg", token));
    }

    [Fact]
    public async Task A_folder_is_not_a_blob()
    {
        var token = TestContext.Current.CancellationToken;
        await _store.PutAsync("crops/a.jpg", new byte[] { 1 }, token);

        Assert.False(await _store.ExistsAsync("crops", token));
        Assert.Null(await _store.GetAsync("crops", token));
        Assert.False(await _store.DeleteAsync("crops", token));
        Assert.True(await _store.ExistsAsync("crops/a.jpg", token));
    }

    [Theory]
    [InlineData("../outside.jpg")]
    [InlineData("crops/../../outside.jpg")]
    [InlineData("/tmp/outside.jpg")]
    [InlineData("crops//a.jpg")]
    [InlineData("Crops/A.jpg")]
    [InlineData("")]
    public async Task Keys_that_are_not_blob_keys_are_refused_and_nothing_is_written(string key)
    {
        var token = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<ArgumentException>(() => _store.PutAsync(key, new byte[] { 1 }, token));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.GetAsync(key, token));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.ExistsAsync(key, token));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.DeleteAsync(key, token));

        Assert.DoesNotContain(
            Directory.EnumerateFileSystemEntries(_temp.FullPath, "*", SearchOption.AllDirectories),
            path => !path.StartsWith(_store.RootDirectory, StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFiles(_store.RootDirectory, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Puts_leave_no_temporary_files()
    {
        var token = TestContext.Current.CancellationToken;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => _store.PutAsync($"crops/{i % 5}.jpg", new byte[100 + i], token)));

        var files = Directory.EnumerateFiles(_store.RootDirectory, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(_store.RootDirectory, path))
            .Order(StringComparer.Ordinal);
        Assert.Equal(["crops/0.jpg", "crops/1.jpg", "crops/2.jpg", "crops/3.jpg", "crops/4.jpg"], files);
    }

    [Fact]
    public async Task A_cancelled_put_leaves_no_temporary_file_and_keeps_the_old_content()
    {
        var token = TestContext.Current.CancellationToken;
        await _store.PutAsync("crops/a.jpg", new byte[] { 1 }, token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.PutAsync("crops/a.jpg", new byte[] { 2 }, new CancellationToken(canceled: true)));

        Assert.Equal([1], await _store.GetAsync("crops/a.jpg", token));
        Assert.Equal(["a.jpg"], Directory.EnumerateFiles(Path.Combine(_store.RootDirectory, "crops")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Deleting_by_write_time_removes_only_older_files_under_the_prefix()
    {
        var token = TestContext.Current.CancellationToken;
        var cutoff = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        await PutWrittenAtAsync("crops/old.jpg", cutoff.AddDays(-3));
        await PutWrittenAtAsync("crops/just-before.jpg", cutoff.AddSeconds(-1));
        await PutWrittenAtAsync("crops/at-cutoff.jpg", cutoff);
        await PutWrittenAtAsync("crops/new.jpg", cutoff.AddDays(1));
        await PutWrittenAtAsync("frames/lobby/old.jpg", cutoff.AddDays(-3)); // another prefix
        await PutWrittenAtAsync("crops-archive/old.jpg", cutoff.AddDays(-3)); // shares the prefix's letters only

        var deleted = await _store.DeleteWrittenBeforeAsync("crops/", cutoff, token);

        Assert.Equal(2, deleted);
        Assert.False(await _store.ExistsAsync("crops/old.jpg", token));
        Assert.False(await _store.ExistsAsync("crops/just-before.jpg", token));
        Assert.True(await _store.ExistsAsync("crops/at-cutoff.jpg", token));
        Assert.True(await _store.ExistsAsync("crops/new.jpg", token));
        Assert.True(await _store.ExistsAsync("frames/lobby/old.jpg", token));
        Assert.True(await _store.ExistsAsync("crops-archive/old.jpg", token));
    }

    [Fact]
    public async Task Deleting_by_write_time_reaches_into_sub_folders()
    {
        var token = TestContext.Current.CancellationToken;
        var cutoff = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        await PutWrittenAtAsync("frames/lobby/1.jpg", cutoff.AddHours(-1));
        await PutWrittenAtAsync("frames/gate-2/2.jpg", cutoff.AddHours(-1));
        await PutWrittenAtAsync("frames/gate-2/3.jpg", cutoff.AddHours(1));

        Assert.Equal(2, await _store.DeleteWrittenBeforeAsync("frames/", cutoff, token));
        Assert.Equal(0, await _store.DeleteWrittenBeforeAsync("frames/", cutoff, token));
        Assert.True(await _store.ExistsAsync("frames/gate-2/3.jpg", token));
        Assert.Equal(1, await _store.DeleteWrittenBeforeAsync("frames/gate-2/", cutoff.AddHours(2), token));
    }

    [Fact]
    public async Task Deleting_under_a_prefix_with_no_blobs_deletes_nothing()
    {
        Assert.Equal(0, await _store.DeleteWrittenBeforeAsync("crops/", DateTimeOffset.MaxValue, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("crops")] // no trailing '/'
    [InlineData("/")]
    [InlineData("")]
    [InlineData("../")]
    [InlineData("crops/../")]
    [InlineData("/crops/")]
    [InlineData("crops//")]
    [InlineData("Crops/")]
    public async Task A_bad_prefix_is_refused_and_nothing_is_deleted(string prefix)
    {
        var token = TestContext.Current.CancellationToken;
        await PutWrittenAtAsync("crops/old.jpg", DateTimeOffset.UnixEpoch.AddDays(1));

        await Assert.ThrowsAsync<ArgumentException>(() => _store.DeleteWrittenBeforeAsync(prefix, DateTimeOffset.MaxValue, token));

        Assert.True(await _store.ExistsAsync("crops/old.jpg", token));
    }

    [Fact]
    public void The_root_folder_is_created_and_a_blank_root_refused()
    {
        Assert.True(Directory.Exists(_store.RootDirectory));
        Assert.Throws<ArgumentException>(() => new LocalFolderBlobStore(" "));
    }

    private async Task PutWrittenAtAsync(string key, DateTimeOffset writtenAt)
    {
        await _store.PutAsync(key, new byte[] { 1, 2, 3 }, TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(Path.Combine(_store.RootDirectory, key), writtenAt.UtcDateTime);
    }
}
