using Microsoft.Data.Sqlite;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.Access;

/// <summary>
/// The access tables in the host's <see cref="SiteDatabase"/>, created (idempotently) when this is first
/// resolved: users, browser sessions (by token hash) and API keys (by secret hash). Sessions go with
/// their user (cascade); keys stay listed after their owner is deleted, revoked.
/// </summary>
internal sealed class AccessDatabase
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS access_users (
            name TEXT NOT NULL PRIMARY KEY,
            password_hash TEXT NOT NULL,
            roles TEXT NOT NULL,
            cameras TEXT NULL,
            disabled INTEGER NOT NULL DEFAULT 0,
            must_change_password INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            last_login_at INTEGER NULL
        );
        CREATE TABLE IF NOT EXISTS access_sessions (
            token_hash BLOB NOT NULL PRIMARY KEY,
            user_name TEXT NOT NULL REFERENCES access_users(name) ON DELETE CASCADE,
            created_at INTEGER NOT NULL,
            last_seen_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS access_sessions_by_user ON access_sessions(user_name);
        CREATE TABLE IF NOT EXISTS access_api_keys (
            id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            owner TEXT NOT NULL,
            roles TEXT NOT NULL,
            cameras TEXT NULL,
            secret_hash BLOB NOT NULL,
            created_at INTEGER NOT NULL,
            last_used_at INTEGER NULL,
            revoked_at INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS access_api_keys_by_owner ON access_api_keys(owner);
        """;

    private readonly SiteDatabase _database;

    public AccessDatabase(SiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        database.Execute(Schema);
    }

    public SqliteConnection Open() => _database.Open();
}
