using Microsoft.Data.Sqlite;

namespace VfeTps.Stream.Storage;

/// <summary>
/// The site's SQLite metadata database (cameras, dead letters, …). Each service creates its own
/// tables; every connection uses WAL (readers never block the writer) and a busy timeout, so the
/// services of one process can share the file.
/// </summary>
public sealed class SiteDatabase
{
    public SiteDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>An open connection (dispose it); foreign keys on, 5 s busy timeout.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        Execute(connection, "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL;");
        return connection;
    }

    /// <summary>Runs statements that return nothing (schema creation).</summary>
    public void Execute(string sql)
    {
        using var connection = Open();
        Execute(connection, sql);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
