using Microsoft.Data.Sqlite;
using VfeTps.Stream.Audit.Chain;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.Audit.Storage;

/// <summary>
/// Appends one entry in its own <c>BEGIN IMMEDIATE</c> transaction: the write lock is taken before the
/// head of the chain is read, so no other writer (in this process or another) can append between reading
/// the previous hash and inserting the entry that chains from it. <c>synchronous=FULL</c> makes the commit
/// durable (WAL synced) before the caller is told the action was recorded.
/// </summary>
internal static class AuditAppender
{
    public static AuditRow Append(SiteDatabase database, BoundedRecord record, TimeProvider clock)
    {
        using var connection = database.Open();
        Execute(connection, null, "PRAGMA synchronous=FULL;");
        using var transaction = connection.BeginTransaction(deferred: false);
        var (sequence, previousHash) = Head(connection, transaction);

        var unhashed = new AuditRow(
            sequence,
            clock.GetUtcNow().ToUnixTimeMilliseconds(),
            record.Action,
            record.ActorId,
            record.ActorName,
            record.Target,
            record.Detail,
            record.Outcome.ToString(),
            record.ClientAddress,
            previousHash,
            Hash: string.Empty);
        var row = unhashed with { Hash = AuditHash.Compute(unhashed) };

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"""
            INSERT INTO audit_entries ({AuditRows.Columns})
            VALUES ($sequence, $time, $action, $actorId, $actorName, $target, $detail, $outcome, $clientAddress, $previousHash, $hash);
            """;
        insert.Parameters.AddWithValue("$sequence", row.Sequence);
        insert.Parameters.AddWithValue("$time", row.TimeUnixMs);
        insert.Parameters.AddWithValue("$action", row.Action);
        insert.Parameters.AddWithValue("$actorId", row.ActorId);
        insert.Parameters.AddWithValue("$actorName", row.ActorName);
        insert.Parameters.AddWithValue("$target", (object?)row.Target ?? DBNull.Value);
        insert.Parameters.AddWithValue("$detail", AuditDetailJson.Write(row.Detail));
        insert.Parameters.AddWithValue("$outcome", row.Outcome);
        insert.Parameters.AddWithValue("$clientAddress", (object?)row.ClientAddress ?? DBNull.Value);
        insert.Parameters.AddWithValue("$previousHash", row.PreviousHash);
        insert.Parameters.AddWithValue("$hash", row.Hash);
        insert.ExecuteNonQuery();
        transaction.Commit();
        return row;
    }

    /// <summary>
    /// The next sequence and the hash it chains from: the newest entry's, or the anchor's when retention
    /// removed every entry. The sequence also passes any number AUTOINCREMENT ever gave out, so none is reused.
    /// </summary>
    private static (long Sequence, string PreviousHash) Head(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT
                MAX(COALESCE((SELECT MAX(sequence) FROM audit_entries), 0),
                    (SELECT sequence FROM audit_anchor WHERE id = 1),
                    COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'audit_entries'), 0)) + 1,
                COALESCE((SELECT hash FROM audit_entries ORDER BY sequence DESC LIMIT 1), (SELECT hash FROM audit_anchor WHERE id = 1));
            """;
        using var reader = command.ExecuteReader();
        if (!reader.Read() || reader.IsDBNull(0) || reader.IsDBNull(1))
            throw new InvalidDataException("The audit trail's anchor row is missing: the trail's tables have been altered outside the site.");
        return (reader.GetInt64(0), reader.GetString(1));
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
