using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Access;

/// <summary>
/// Browser sessions, by the SHA-256 of their token. A session ends at its absolute expiry
/// (<see cref="AccessOptions.SessionLifetime"/> after sign-in), after <see cref="AccessOptions.SessionIdleTimeout"/>
/// without a request, or when its user is disabled or deleted. Last-seen is written at most once a
/// minute, so that every request of a busy page does not write to the database.
/// </summary>
internal sealed class SessionStore(AccessDatabase database, IOptions<AccessOptions> options, TimeProvider time)
{
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    private static readonly string ValidateSql = $"""
        SELECT s.created_at, s.last_seen_at, s.expires_at, {UserStore.ColumnsWithPrefix("u.")}
        FROM access_sessions s JOIN access_users u ON u.name = s.user_name
        WHERE s.token_hash = $hash
        """;

    private readonly AccessOptions _options = options.Value;

    /// <summary>Starts a session for the user; returns the token for the cookie and when the session ends at the latest.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)> CreateAsync(string userName, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expiresAt = now + _options.SessionLifetime;
        var (token, hash) = SessionTokens.New();
        using var connection = database.Open();
        // Expired sessions are swept here, so the table stays as small as the number of live sessions.
        using (var sweep = connection.Command("DELETE FROM access_sessions WHERE expires_at <= $now OR last_seen_at <= $idleCutoff"))
        {
            await sweep.With("$now", Sql.ToUnixMs(now)).With("$idleCutoff", Sql.ToUnixMs(now - _options.SessionIdleTimeout))
                .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using var insert = connection.Command(
            "INSERT INTO access_sessions (token_hash, user_name, created_at, last_seen_at, expires_at) VALUES ($hash, $user, $now, $now, $expires)");
        await insert.With("$hash", hash).With("$user", userName).With("$now", Sql.ToUnixMs(now)).With("$expires", Sql.ToUnixMs(expiresAt))
            .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return (token, expiresAt);
    }

    /// <summary>The session's current user, or null when the token is unknown, the session has ended or the user is disabled.</summary>
    public async Task<StoredUser?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (!SessionTokens.TryHash(token, out var hash))
            return null;
        var now = time.GetUtcNow();
        using var connection = database.Open();
        StoredUser user;
        DateTimeOffset created, lastSeen, expires;
        using (var command = connection.Command(ValidateSql).With("$hash", hash))
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                return null;
            (created, lastSeen, expires) = (Sql.FromUnixMs(reader.GetInt64(0)), Sql.FromUnixMs(reader.GetInt64(1)), Sql.FromUnixMs(reader.GetInt64(2)));
            user = UserStore.Read(reader, offset: 3);
        }

        // The lifetime is checked against the current options too, so that shortening it applies to live sessions.
        var ended = now >= expires || now - created >= _options.SessionLifetime || now - lastSeen >= _options.SessionIdleTimeout || user.Disabled;
        if (ended)
        {
            await DeleteAsync(connection, hash, cancellationToken).ConfigureAwait(false);
            return null;
        }

        if (now - lastSeen >= LastSeenResolution)
        {
            using var touch = connection.Command("UPDATE access_sessions SET last_seen_at = $now WHERE token_hash = $hash");
            await touch.With("$now", Sql.ToUnixMs(now)).With("$hash", hash).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return user;
    }

    /// <summary>Ends the session of this token; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string token, CancellationToken cancellationToken)
    {
        if (!SessionTokens.TryHash(token, out var hash))
            return false;
        using var connection = database.Open();
        return await DeleteAsync(connection, hash, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> DeleteAsync(Microsoft.Data.Sqlite.SqliteConnection connection, byte[] hash, CancellationToken cancellationToken)
    {
        using var command = connection.Command("DELETE FROM access_sessions WHERE token_hash = $hash").With("$hash", hash);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }
}
