using VfeTps.Stream.Contracts;
using VfeTps.Stream.Messaging;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.Host.Site;

/// <summary>Dead letters of every stage, kept in the site database for inspection (GET /api/dead-letters).</summary>
public sealed partial class SqliteDeadLetterStore : IDeadLetterSink
{
    /// <summary>Longest reason or payload kept; a dead letter is a diagnosis, not a copy of the message.</summary>
    public const int MaxTextLength = 2000;

    private readonly SiteDatabase _database;
    private readonly ILogger<SqliteDeadLetterStore> _logger;

    public SqliteDeadLetterStore(SiteDatabase database, ILogger<SqliteDeadLetterStore> logger)
    {
        _database = database;
        _logger = logger;
        _database.Execute("""
            CREATE TABLE IF NOT EXISTS dead_letters (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                stage TEXT NOT NULL,
                key TEXT NULL,
                reason TEXT NOT NULL,
                at_unix_ms INTEGER NOT NULL,
                payload TEXT NULL);
            CREATE INDEX IF NOT EXISTS dead_letters_at ON dead_letters (at_unix_ms);
            """);
    }

    public ValueTask WriteAsync(DeadLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        LogDeadLetter(letter.Stage, letter.Key, letter.Reason);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO dead_letters (stage, key, reason, at_unix_ms, payload) VALUES ($stage, $key, $reason, $at, $payload)";
        command.Parameters.AddWithValue("$stage", letter.Stage);
        command.Parameters.AddWithValue("$key", (object?)Truncate(letter.Key) ?? DBNull.Value);
        command.Parameters.AddWithValue("$reason", Truncate(letter.Reason)!);
        command.Parameters.AddWithValue("$at", letter.At.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$payload", (object?)Truncate(letter.Payload) ?? DBNull.Value);
        command.ExecuteNonQuery();
        return ValueTask.CompletedTask;
    }

    /// <summary>The latest dead letters, newest first.</summary>
    public IReadOnlyList<DeadLetter> Latest(int limit)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT stage, key, reason, at_unix_ms, payload FROM dead_letters ORDER BY id DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 1000));
        using var reader = command.ExecuteReader();
        var letters = new List<DeadLetter>();
        while (reader.Read())
        {
            letters.Add(new DeadLetter(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return letters;
    }

    /// <summary>Deletes dead letters older than the cutoff (retention).</summary>
    public int DeleteBefore(DateTimeOffset cutoff)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM dead_letters WHERE at_unix_ms < $cutoff";
        command.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
        return command.ExecuteNonQuery();
    }

    private static string? Truncate(string? text)
    {
        if (text is null || text.Length <= MaxTextLength)
        {
            return text;
        }

        // Never cut between the two halves of a surrogate pair: half a character is not valid text.
        var length = char.IsHighSurrogate(text[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength;
        return string.Concat(text.AsSpan(0, length), "…");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead letter from {Stage} ({Key}): {Reason}")]
    private partial void LogDeadLetter(string stage, string? key, string reason);
}
