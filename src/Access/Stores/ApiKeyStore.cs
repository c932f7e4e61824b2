using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace VfeTps.Stream.Access;

/// <summary>
/// API keys, by id, with the SHA-256 of their secret (see <see cref="ApiKeyFormat"/>). A key works while
/// it is not revoked and its owner exists and is enabled; last use is written at most once a minute.
/// </summary>
internal sealed class ApiKeyStore(AccessDatabase database, TimeProvider time)
{
    private const string Columns = "id, name, owner, roles, cameras, created_at, last_used_at, revoked_at";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private static readonly string AuthenticateSql = $"""
        SELECT {string.Join(", ", Columns.Split(", ").Select(column => "k." + column))}, k.secret_hash, u.roles, u.cameras
        FROM access_api_keys k JOIN access_users u ON u.name = k.owner
        WHERE k.id = $id AND k.revoked_at IS NULL AND u.disabled = 0
        """;

    /// <summary>
    /// Creates a key with the id <paramref name="id"/> (drawn by <see cref="ApiKeyFormat.NewId"/> beforehand, so
    /// that the audit record can name it); returns it with the full secret (<c>vfk_…</c>), which is not kept
    /// and cannot be shown again. Throws when the id is taken (60 random bits: practically never).
    /// </summary>
    public async Task<(StoredApiKey Key, string Secret)> CreateAsync(
        string id, string name, string owner, IReadOnlyList<string> roles, IReadOnlyList<string>? cameras, CancellationToken cancellationToken)
    {
        var secret = ApiKeyFormat.NewSecret();
        var key = new StoredApiKey(id, name, owner, roles, cameras, time.GetUtcNow(), null, null);
        using var connection = database.Open();
        using var command = connection.Command(
            $"INSERT INTO access_api_keys ({Columns}, secret_hash) VALUES ($id, $name, $owner, $roles, $cameras, $created, NULL, NULL, $hash)");
        command.With("$id", id).With("$name", name).With("$owner", owner).With("$roles", StoredLists.JoinRoles(roles))
            .With("$cameras", StoredLists.JoinCameras(cameras)).With("$created", Sql.ToUnixMs(key.CreatedAt))
            .With("$hash", ApiKeyFormat.HashSecret(secret));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return (key, ApiKeyFormat.Format(id, secret));
    }

    public async Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.Command($"SELECT {Columns} FROM access_api_keys ORDER BY created_at, id");
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<StoredApiKey>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            keys.Add(Read(reader));
        return keys;
    }

    public async Task<StoredApiKey?> FindAsync(string id, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.Command($"SELECT {Columns} FROM access_api_keys WHERE id = $id").With("$id", id);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>
    /// The key with its owner's current roles and cameras, when the secret is its own, it is not revoked and
    /// its owner exists and is enabled; else null.
    /// </summary>
    public async Task<AuthenticatedKey?> AuthenticateAsync(string id, byte[] secret, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        StoredApiKey key;
        IReadOnlyList<string> ownerRoles;
        IReadOnlyList<string>? ownerCameras;
        using (var command = connection.Command(AuthenticateSql).With("$id", id))
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                return null;
            // Fixed time: how much of the hash matched must not show in the answer's timing.
            if (!CryptographicOperations.FixedTimeEquals(ApiKeyFormat.HashSecret(secret), (byte[])reader.GetValue(8)))
                return null;
            key = Read(reader);
            ownerRoles = StoredLists.SplitRoles(reader.GetString(9));
            ownerCameras = StoredLists.SplitCameras(reader.GetValue(10));
        }

        var now = time.GetUtcNow();
        if (key.LastUsedAt is not { } lastUsed || now - lastUsed >= LastUsedResolution)
        {
            using var touch = connection.Command("UPDATE access_api_keys SET last_used_at = $now WHERE id = $id");
            await touch.With("$now", Sql.ToUnixMs(now)).With("$id", id).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            key = key with { LastUsedAt = now };
        }

        return new AuthenticatedKey(key, ownerRoles, ownerCameras);
    }

    public async Task<KeyRevocation> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.Command("UPDATE access_api_keys SET revoked_at = $now WHERE id = $id AND revoked_at IS NULL");
        if (await command.With("$now", Sql.ToUnixMs(time.GetUtcNow())).With("$id", id).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            return KeyRevocation.Revoked;
        using var exists = connection.Command("SELECT EXISTS (SELECT 1 FROM access_api_keys WHERE id = $id)").With("$id", id);
        var found = Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) != 0;
        return found ? KeyRevocation.AlreadyRevoked : KeyRevocation.NotFound;
    }

    private static StoredApiKey Read(SqliteDataReader reader) =>
        new(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            StoredLists.SplitRoles(reader.GetString(3)),
            StoredLists.SplitCameras(reader.GetValue(4)),
            Sql.FromUnixMs(reader.GetInt64(5)),
            Sql.NullableTime(reader, 6),
            Sql.NullableTime(reader, 7));
}
