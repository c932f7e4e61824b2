using VfeTps.Stream.Storage;

namespace VfeTps.Stream.Audit.Storage;

/// <summary>
/// Deletes the oldest entries written before a cutoff, one batch per <c>BEGIN IMMEDIATE</c> transaction.
/// Only a contiguous run from the oldest entry goes (the trigger refuses anything else): the run stops at
/// the first entry at or after the cutoff. Each deleted row moves the anchor (a trigger), so the remaining
/// chain still verifies from the last entry deleted.
/// </summary>
internal static class AuditRetention
{
    /// <summary>Deletes up to <paramref name="batchSize"/> entries; returns how many it deleted.</summary>
    public static int DeleteBatch(SiteDatabase database, long cutoffUnixMs, int batchSize)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction(deferred: false);

        long? last = null;
        using (var oldest = connection.CreateCommand())
        {
            oldest.Transaction = transaction;
            oldest.CommandText = "SELECT sequence, time FROM audit_entries ORDER BY sequence LIMIT $batch;";
            oldest.Parameters.AddWithValue("$batch", batchSize);
            using var reader = oldest.ExecuteReader();
            while (reader.Read() && reader.GetInt64(1) < cutoffUnixMs)
                last = reader.GetInt64(0);
        }

        if (last is null)
            return 0;

        using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        // Ascending, one row after the other: each row is the oldest when its turn comes, as the trigger demands.
        delete.CommandText = "DELETE FROM audit_entries WHERE sequence <= $last;";
        delete.Parameters.AddWithValue("$last", last.Value);
        var deleted = delete.ExecuteNonQuery();
        transaction.Commit();
        return deleted;
    }
}
