using Microsoft.Data.Sqlite;
using VfeTps.Stream.Audit.Storage;

namespace VfeTps.Stream.Audit.Chain;

/// <summary>
/// Walks the chain oldest first in one read transaction (a consistent snapshot; appends go on meanwhile):
/// each entry must follow its predecessor's sequence, name its predecessor's hash (the anchor's for the
/// oldest) and hash to its stored hash. The first entry that does not is <see cref="AuditVerification.BrokenAt"/>.
/// </summary>
internal static class AuditChainVerifier
{
    public static AuditVerification Verify(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var (expectedPrevious, previousSequence) = Anchor(connection, transaction);

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {AuditRows.Columns} FROM audit_entries ORDER BY sequence;";
        using var reader = command.ExecuteReader();

        long entries = 0;
        long? first = null;
        long? brokenAt = null;
        while (reader.Read())
        {
            if (++entries % 1024 == 0)
                cancellationToken.ThrowIfCancellationRequested();
            var sequence = reader.GetInt64(0);
            var hash = reader.GetString(10);
            first ??= sequence;
            if (brokenAt is null && !Holds(reader, sequence, hash, previousSequence, expectedPrevious))
                brokenAt = sequence;
            expectedPrevious = hash;
            previousSequence = sequence;
        }

        return new AuditVerification(brokenAt is null, entries, first, first is null ? null : previousSequence, brokenAt);
    }

    private static bool Holds(SqliteDataReader reader, long sequence, string hash, long previousSequence, string? expectedPrevious)
    {
        AuditRow row;
        try
        {
            row = AuditRows.Read(reader);
        }
        catch (FormatException)
        {
            return false;
        }

        return sequence > previousSequence
            && string.Equals(row.PreviousHash, expectedPrevious, StringComparison.Ordinal)
            && string.Equals(AuditHash.Compute(row), hash, StringComparison.Ordinal);
    }

    /// <summary>The hash and sequence the oldest entry chains from; a missing anchor breaks the chain at its first entry.</summary>
    private static (string? Hash, long Sequence) Anchor(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT hash, sequence FROM audit_anchor WHERE id = 1;";
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetInt64(1)) : (null, long.MinValue);
    }
}
