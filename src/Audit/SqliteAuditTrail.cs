using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Audit.Chain;
using VfeTps.Stream.Audit.Storage;
using VfeTps.Stream.Contracts.Audit;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.Audit;

/// <summary>
/// The audit trail in the site database: append-only (SQLite triggers refuse updates and any delete but
/// of the oldest entries), hash-chained (each entry's SHA-256 covers the previous entry's hash), one
/// writer at a time, durable when <see cref="RecordAsync"/> returns. Every storage failure surfaces as an
/// <see cref="AuditTrailUnavailableException"/>: a caller that cannot record an action refuses it.
/// </summary>
public sealed class SqliteAuditTrail : IAuditTrail
{
    private readonly SiteDatabase _database;
    private readonly TimeProvider _clock;
    private readonly AuditOptions _options;
    private readonly AuditMetrics _metrics;
    private readonly ILogger<SqliteAuditTrail> _logger;

    // Appends and retention batches queue here in order (cheaper and fairer than SQLite's busy retries);
    // BEGIN IMMEDIATE still serializes them against any other connection to the file.
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Creates the tables and triggers if they are missing (idempotent).</summary>
    public SqliteAuditTrail(
        SiteDatabase database, TimeProvider clock, IOptions<AuditOptions> options, AuditMetrics metrics, ILogger<SqliteAuditTrail> logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        _database = database;
        _clock = clock;
        _options = options.Value;
        _metrics = metrics;
        _logger = logger;
        AuditSchema.Create(database);
    }

    /// <summary>
    /// Appends the record (bounded: long values cut and marked) with the clock's time and the next
    /// sequence, durably. Throws <see cref="AuditTrailUnavailableException"/> when it cannot be written,
    /// <see cref="ArgumentException"/> for a record without action or actor.
    /// </summary>
    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var bounded = BoundedRecord.From(record, _options);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            AuditAppender.Append(_database, bounded, _clock);
        }
        catch (Exception error) when (IsStorageFailure(error))
        {
            _metrics.WriteFailed(bounded.Action);
            AuditLog.WriteFailed(_logger, bounded.Action, bounded.ActorId, error);
            throw new AuditTrailUnavailableException(
                $"The audit trail could not record '{bounded.Action}' by '{bounded.ActorId}' (the action must be refused): {error.Message}", error);
        }
        finally
        {
            _writer.Release();
        }

        _metrics.Written(bounded.Action);
    }

    /// <summary>One page of entries matching <paramref name="filter"/>, newest first, with the <c>before</c> of the next page.</summary>
    public Task<AuditPage> QueryAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(filter.Limit, 1, nameof(filter));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(filter.Limit, AuditFilter.MaxLimit, nameof(filter));
        cancellationToken.ThrowIfCancellationRequested();

        return Task.FromResult(Reading(() =>
        {
            using var connection = _database.Open();
            using var command = connection.CreateCommand();
            var where = AuditQuerySql.Where(command, filter);
            // One more than asked: whether it exists says whether there is a next page.
            command.CommandText = $"SELECT {AuditRows.Columns} FROM audit_entries {where} ORDER BY sequence DESC LIMIT $limit;";
            command.Parameters.AddWithValue("$limit", filter.Limit + 1);
            using var reader = command.ExecuteReader();
            var entries = new List<AuditEntry>(Math.Min(filter.Limit + 1, 128));
            while (reader.Read())
                entries.Add(AuditRows.Read(reader).ToEntry());

            if (entries.Count <= filter.Limit)
                return new AuditPage(entries, null);
            entries.RemoveAt(entries.Count - 1);
            return new AuditPage(entries, entries[^1].Sequence);
        }));
    }

    /// <summary>
    /// Every entry written in [<paramref name="from"/>, <paramref name="to"/>), oldest first, read as it is
    /// enumerated (one row at a time, from one consistent snapshot), for exports.
    /// </summary>
    public async IAsyncEnumerable<AuditEntry> ReadAsync(
        DateTimeOffset? from, DateTimeOffset? to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The reads below are synchronous (as every Microsoft.Data.Sqlite call is): start them off the caller's thread.
        await Task.Yield();
        var connection = Reading(_database.Open);
        try
        {
            using var command = connection.CreateCommand();
            var where = AuditQuerySql.Where(command, new AuditFilter(from, to));
            command.CommandText = $"SELECT {AuditRows.Columns} FROM audit_entries {where} ORDER BY sequence;";
            using var reader = Reading(command.ExecuteReader);
            while (Reading(reader.Read))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return Reading(() => AuditRows.Read(reader).ToEntry());
            }
        }
        finally
        {
            connection.Dispose();
        }
    }

    /// <summary>Walks the hash chain from its anchor to the newest entry.</summary>
    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var verification = Reading(() =>
        {
            using var connection = _database.Open();
            return AuditChainVerifier.Verify(connection, cancellationToken);
        });
        if (verification.BrokenAt is { } brokenAt)
            AuditLog.ChainBroken(_logger, brokenAt, verification.Entries);
        return Task.FromResult(verification);
    }

    /// <summary>
    /// Retention: deletes the oldest entries written before <paramref name="cutoff"/> (a contiguous run from
    /// the oldest, in batches of <see cref="AuditOptions.RetentionBatchSize"/>); the chain is re-anchored at
    /// the last deleted entry, so <see cref="VerifyAsync"/> still checks what remains. Returns how many went.
    /// </summary>
    public async Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var total = 0;
        int deleted;
        do
        {
            await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                deleted = AuditRetention.DeleteBatch(_database, cutoff.ToUnixTimeMilliseconds(), _options.RetentionBatchSize);
            }
            catch (Exception error) when (IsStorageFailure(error))
            {
                throw new AuditTrailUnavailableException($"Retention could not delete audit entries: {error.Message}", error);
            }
            finally
            {
                _writer.Release();
            }

            total += deleted;
        }
        while (deleted == _options.RetentionBatchSize);

        if (total > 0)
        {
            _metrics.Deleted(total);
            AuditLog.RetentionDeleted(_logger, total, cutoff);
        }

        return total;
    }

    private T Reading<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception error) when (IsStorageFailure(error) || error is FormatException)
        {
            AuditLog.ReadFailed(_logger, error);
            throw new AuditTrailUnavailableException($"The audit trail could not be read: {error.Message}", error);
        }
    }

    private static bool IsStorageFailure(Exception error) =>
        error is DbException or IOException or InvalidDataException or UnauthorizedAccessException;
}
