using Microsoft.Data.Sqlite;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Access;

/// <summary>
/// The users table. Changes that could leave the site without an enabled administrator are checked and
/// applied in one immediate transaction, so two administrators demoting each other cannot both succeed.
/// Disabling a user, deleting one or setting their password ends their sessions in the same transaction
/// (a user setting their own password keeps the session they did it from).
/// </summary>
internal sealed class UserStore(AccessDatabase database)
{
    private const string Columns = "name, password_hash, roles, cameras, disabled, must_change_password, created_at, last_login_at";

    public async Task<StoredUser?> FindAsync(string name, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        return await FindAsync(connection, null, name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredUser>> ListAsync(CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.Command($"SELECT {Columns} FROM access_users ORDER BY name");
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var users = new List<StoredUser>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            users.Add(Read(reader));
        return users;
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.Command("SELECT EXISTS (SELECT 1 FROM access_users)");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>Adds the user; false when the name is taken.</summary>
    public Task<bool> TryCreateAsync(StoredUser user, CancellationToken cancellationToken) =>
        InsertAsync(user, onlyIfEmpty: false, cancellationToken);

    /// <summary>Adds the user only when there is no user at all (the first administrator); false otherwise.</summary>
    public Task<bool> TryCreateFirstAsync(StoredUser user, CancellationToken cancellationToken) =>
        InsertAsync(user, onlyIfEmpty: true, cancellationToken);

    /// <summary>
    /// Applies the change in one transaction. With <paramref name="onlyIfGrantsNothing"/> (a removal whose
    /// audit record could not be written) it is refused, <see cref="UserChangeOutcome.WouldGrant"/>, when it
    /// would grant the user as stored now anything (<see cref="UserChange.Grants"/>).
    /// </summary>
    public async Task<(UserChangeOutcome Outcome, StoredUser? User)> UpdateAsync(
        string name, UserChange change, CancellationToken cancellationToken, bool onlyIfGrantsNothing = false)
    {
        ArgumentNullException.ThrowIfNull(change);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var current = await FindAsync(connection, transaction, name, cancellationToken).ConfigureAwait(false);
        if (current is null)
            return (UserChangeOutcome.NotFound, null);
        if (onlyIfGrantsNothing && change.Grants(current))
            return (UserChangeOutcome.WouldGrant, current);

        var updated = current with
        {
            Roles = change.Roles ?? current.Roles,
            Cameras = change.CamerasGiven ? change.Cameras : current.Cameras,
            Disabled = change.Disabled ?? current.Disabled,
            PasswordHash = change.PasswordHash ?? current.PasswordHash,
            MustChangePassword = change.MustChangePassword ?? current.MustChangePassword,
        };
        if (current.IsEnabledAdmin && !updated.IsEnabledAdmin && await CountOtherEnabledAdminsAsync(connection, transaction, name, cancellationToken).ConfigureAwait(false) == 0)
            return (UserChangeOutcome.LastAdmin, current);

        using (var command = connection.Command(
            """
            UPDATE access_users SET roles = $roles, cameras = $cameras, disabled = $disabled,
                password_hash = $hash, must_change_password = $mustChange
            WHERE name = $name
            """,
            transaction))
        {
            command.With("$roles", StoredLists.JoinRoles(updated.Roles)).With("$cameras", StoredLists.JoinCameras(updated.Cameras))
                .With("$disabled", updated.Disabled).With("$hash", updated.PasswordHash)
                .With("$mustChange", updated.MustChangePassword).With("$name", name);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (updated.Disabled)
            await DeleteSessionsAsync(connection, transaction, name, keepTokenHash: null, cancellationToken).ConfigureAwait(false);
        else if (change.PasswordHash is not null)
            await DeleteSessionsAsync(connection, transaction, name, change.KeepSessionTokenHash, cancellationToken).ConfigureAwait(false);
        transaction.Commit();
        return (UserChangeOutcome.Done, updated);
    }

    /// <summary>Deletes the user and their sessions, and revokes the keys they own (kept, listed as revoked).</summary>
    public async Task<UserChangeOutcome> DeleteAsync(string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var current = await FindAsync(connection, transaction, name, cancellationToken).ConfigureAwait(false);
        if (current is null)
            return UserChangeOutcome.NotFound;
        if (current.IsEnabledAdmin && await CountOtherEnabledAdminsAsync(connection, transaction, name, cancellationToken).ConfigureAwait(false) == 0)
            return UserChangeOutcome.LastAdmin;

        using (var revoke = connection.Command("UPDATE access_api_keys SET revoked_at = $now WHERE owner = $name AND revoked_at IS NULL", transaction))
            await revoke.With("$now", Sql.ToUnixMs(now)).With("$name", name).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await DeleteSessionsAsync(connection, transaction, name, keepTokenHash: null, cancellationToken).ConfigureAwait(false);
        using (var delete = connection.Command("DELETE FROM access_users WHERE name = $name", transaction))
            await delete.With("$name", name).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        transaction.Commit();
        return UserChangeOutcome.Done;
    }

    /// <summary>The user's own password change: new hash, no longer "must change", every other session of theirs ended.</summary>
    public async Task ChangeOwnPasswordAsync(string name, string passwordHash, byte[]? keepTokenHash, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using (var command = connection.Command("UPDATE access_users SET password_hash = $hash, must_change_password = 0 WHERE name = $name", transaction))
            await command.With("$hash", passwordHash).With("$name", name).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await DeleteSessionsAsync(connection, transaction, name, keepTokenHash, cancellationToken).ConfigureAwait(false);
        transaction.Commit();
    }

    /// <summary>Stamps a successful login; replaces the hash when it was made with an outdated iteration count.</summary>
    public async Task RecordLoginAsync(string name, DateTimeOffset now, string? rehashed, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var command = connection.Command(
            "UPDATE access_users SET last_login_at = $now, password_hash = COALESCE($hash, password_hash) WHERE name = $name");
        await command.With("$now", Sql.ToUnixMs(now)).With("$hash", rehashed).With("$name", name).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Enabled administrators other than <paramref name="name"/>.</summary>
    public async Task<int> CountOtherEnabledAdminsAsync(string name, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        return await CountOtherEnabledAdminsAsync(connection, null, name, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> InsertAsync(StoredUser user, bool onlyIfEmpty, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        var guard = onlyIfEmpty ? "WHERE NOT EXISTS (SELECT 1 FROM access_users)" : "WHERE true";
        using var command = connection.Command(
            $"""
            INSERT INTO access_users ({Columns})
            SELECT $name, $hash, $roles, $cameras, $disabled, $mustChange, $created, NULL {guard}
            ON CONFLICT (name) DO NOTHING
            """);
        command.With("$name", user.Name).With("$hash", user.PasswordHash).With("$roles", StoredLists.JoinRoles(user.Roles))
            .With("$cameras", StoredLists.JoinCameras(user.Cameras)).With("$disabled", user.Disabled)
            .With("$mustChange", user.MustChangePassword).With("$created", Sql.ToUnixMs(user.CreatedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async Task<StoredUser?> FindAsync(SqliteConnection connection, SqliteTransaction? transaction, string name, CancellationToken cancellationToken)
    {
        using var command = connection.Command($"SELECT {Columns} FROM access_users WHERE name = $name", transaction).With("$name", name);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    private static async Task<int> CountOtherEnabledAdminsAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string name, CancellationToken cancellationToken)
    {
        using var command = connection.Command("SELECT roles FROM access_users WHERE disabled = 0 AND name <> $name", transaction).With("$name", name);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var count = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (StoredLists.SplitRoles(reader.GetString(0)).Contains(SiteRoles.Admin, StringComparer.Ordinal))
                count++;
        }

        return count;
    }

    private static async Task DeleteSessionsAsync(
        SqliteConnection connection, SqliteTransaction transaction, string name, byte[]? keepTokenHash, CancellationToken cancellationToken)
    {
        using var command = connection.Command(
            "DELETE FROM access_sessions WHERE user_name = $name AND ($keep IS NULL OR token_hash <> $keep)", transaction);
        await command.With("$name", name).With("$keep", keepTokenHash).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the columns of <see cref="Columns"/> (in that order) from position <paramref name="offset"/>.</summary>
    internal static StoredUser Read(SqliteDataReader reader, int offset = 0) =>
        new(
            reader.GetString(offset),
            reader.GetString(offset + 1),
            StoredLists.SplitRoles(reader.GetString(offset + 2)),
            StoredLists.SplitCameras(reader.GetValue(offset + 3)),
            reader.GetBoolean(offset + 4),
            reader.GetBoolean(offset + 5),
            Sql.FromUnixMs(reader.GetInt64(offset + 6)),
            Sql.NullableTime(reader, offset + 7));

    internal static string ColumnsWithPrefix(string prefix) => string.Join(", ", Columns.Split(", ").Select(column => prefix + column));
}
