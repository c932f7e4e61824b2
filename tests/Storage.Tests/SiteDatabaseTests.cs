using Microsoft.Data.Sqlite;

namespace VfeTps.Stream.Storage.Tests;

public sealed class SiteDatabaseTests
{
    [Fact]
    public void The_file_and_its_folder_are_created()
    {
        using var temp = new TempDirectory();
        var path = temp.PathOf("new/nested/site.db");

        var database = new SiteDatabase(path);

        Assert.True(File.Exists(path));
        Assert.Equal(Path.GetFullPath(path), database.FilePath);
    }

    [Fact]
    public void Every_connection_uses_write_ahead_logging_foreign_keys_and_a_busy_timeout()
    {
        using var temp = new TempDirectory();
        var database = new SiteDatabase(temp.PathOf("site.db"));

        using var connection = database.Open();

        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal(1L, Scalar(connection, "PRAGMA foreign_keys;"));
        Assert.Equal(5000L, Scalar(connection, "PRAGMA busy_timeout;"));
    }

    [Fact]
    public void Write_ahead_logging_persists_for_a_database_opened_again()
    {
        using var temp = new TempDirectory();
        var path = temp.PathOf("site.db");
        _ = new SiteDatabase(path);

        // A plain connection, not through SiteDatabase: WAL is a property of the file.
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();

        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
    }

    [Fact]
    public void Two_connections_see_each_others_writes()
    {
        using var temp = new TempDirectory();
        var database = new SiteDatabase(temp.PathOf("site.db"));
        database.Execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);");

        using var writer = database.Open();
        using var reader = database.Open();
        Execute(writer, "INSERT INTO notes (text) VALUES ('from the writer');");
        Assert.Equal("from the writer", Scalar(reader, "SELECT text FROM notes;"));

        Execute(reader, "INSERT INTO notes (text) VALUES ('from the reader');");
        Assert.Equal(2L, Scalar(writer, "SELECT COUNT(*) FROM notes;"));
    }

    [Fact]
    public void A_reader_in_a_transaction_does_not_block_the_writer()
    {
        using var temp = new TempDirectory();
        var database = new SiteDatabase(temp.PathOf("site.db"));
        database.Execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL); INSERT INTO notes (text) VALUES ('first');");

        using var reader = database.Open();
        using var readTransaction = reader.BeginTransaction(deferred: true);
        Assert.Equal(1L, Scalar(reader, "SELECT COUNT(*) FROM notes;"));

        // Under WAL the writer commits while the read transaction is open (a rollback journal would wait, then time out).
        using var writer = database.Open();
        Execute(writer, "INSERT INTO notes (text) VALUES ('second');");

        // The reader keeps its snapshot until its transaction ends, then sees the write.
        Assert.Equal(1L, Scalar(reader, "SELECT COUNT(*) FROM notes;"));
        readTransaction.Commit();
        Assert.Equal(2L, Scalar(reader, "SELECT COUNT(*) FROM notes;"));
    }

    [Fact]
    public void Two_instances_over_one_file_share_it()
    {
        using var temp = new TempDirectory();
        var path = temp.PathOf("site.db");
        var first = new SiteDatabase(path);
        var second = new SiteDatabase(path);

        first.Execute("CREATE TABLE cameras (id TEXT PRIMARY KEY); INSERT INTO cameras VALUES ('lobby');");

        using var connection = second.Open();
        Assert.Equal("lobby", Scalar(connection, "SELECT id FROM cameras;"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_path_is_refused(string path)
    {
        Assert.Throws<ArgumentException>(() => new SiteDatabase(path));
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
