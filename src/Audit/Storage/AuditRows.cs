using Microsoft.Data.Sqlite;

namespace VfeTps.Stream.Audit.Storage;

/// <summary>Reads <c>audit_entries</c> rows selected with <see cref="Columns"/>.</summary>
internal static class AuditRows
{
    public const string Columns =
        "sequence, time, action, actor_id, actor_name, target, detail, outcome, client_address, previous_hash, hash";

    /// <summary>The current row; throws <see cref="FormatException"/> when its detail is not a JSON object of strings.</summary>
    public static AuditRow Read(SqliteDataReader reader)
    {
        var sequence = reader.GetInt64(0);
        return new AuditRow(
            sequence,
            reader.GetInt64(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            AuditDetailJson.Read(sequence, reader.GetString(6)),
            reader.GetString(7),
            reader.IsDBNull(8) ? null : reader.GetString(8),
            reader.GetString(9),
            reader.GetString(10));
    }
}
