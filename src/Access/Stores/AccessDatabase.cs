using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.Access;

/// <summary>
/// The access tables in the host's <see cref="SiteDatabase"/>, created (idempotently) when this is first
/// resolved: users, browser sessions (by token hash), API keys (by secret hash) and the site's random
/// keys (e.g. the one that hashes unknown user names in the audit trail). Sessions go with their user
/// (cascade); keys stay listed after their owner is deleted, revoked.
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
        CREATE TABLE IF NOT EXISTS access_site_keys (
            purpose TEXT NOT NULL PRIMARY KEY,
            secret BLOB NOT NULL
        );
        """;

    private const int SiteKeyBytes = 32;

    private readonly SiteDatabase _database;

    public AccessDatabase(SiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        database.Execute(Schema);
    }

    public SqliteConnection Open() => _database.Open();

    /// <summary>The site's random key for <paramref name="purpose"/>, made (32 random bytes) and kept at its first use.</summary>
    public byte[] SiteKey(string purpose)
    {
        using var connection = Open();
        using (var insert = connection.Command("INSERT INTO access_site_keys (purpose, secret) VALUES ($purpose, $secret) ON CONFLICT (purpose) DO NOTHING"))
            insert.With("$purpose", purpose).With("$secret", RandomNumberGenerator.GetBytes(SiteKeyBytes)).ExecuteNonQuery();
        using var select = connection.Command("SELECT secret FROM access_site_keys WHERE purpose = $purpose").With("$purpose", purpose);
        return (byte[])select.ExecuteScalar()!;
    }
}
