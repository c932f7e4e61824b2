using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VfeTps.Stream.Contracts.Audit;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.Audit.Tests;

/// <summary>
/// A real <see cref="SqliteAuditTrail"/> on a real SQLite file in a temp folder, resolved through
/// <c>AddAuditTrail</c> the way the host does, with a <see cref="FakeTimeProvider"/> for a clock.
/// </summary>
internal sealed class AuditTrailForTests : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _folder = new();
    private readonly ServiceProvider _services;

    public AuditTrailForTests(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Database = new SiteDatabase(_folder.PathOf("site.db"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        _services = new ServiceCollection()
            .AddLogging(logging => logging.ClearProviders())
            .AddSingleton(Database)
            .AddSingleton<TimeProvider>(Clock)
            .AddAuditTrail(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            Trail = _services.GetRequiredService<SqliteAuditTrail>();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public SiteDatabase Database { get; }

    public SqliteAuditTrail Trail { get; }

    public IServiceProvider Services => _services;

    /// <summary>Another trail on the same file, as a second process (or a second host) would have it.</summary>
    public SqliteAuditTrail SecondTrail() =>
        ActivatorUtilities.CreateInstance<SqliteAuditTrail>(_services);

    public Task RecordAsync(string action, string actor = "alice", string? target = null, IReadOnlyDictionary<string, string?>? detail = null) =>
        Trail.RecordAsync(
            new AuditRecord(action, $"user:{actor}", actor, target, detail ?? new Dictionary<string, string?>(), AuditOutcome.Succeeded, "10.0.0.7"),
            TestContext.Current.CancellationToken);

    public async Task<List<AuditEntry>> AllAsync()
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in Trail.ReadAsync(null, null, TestContext.Current.CancellationToken))
            entries.Add(entry);
        return entries;
    }

    public Task<AuditVerification> VerifyAsync() => Trail.VerifyAsync(TestContext.Current.CancellationToken);

    /// <summary>Runs raw SQL on the file, as someone with a SQLite shell would.</summary>
    public int Sql(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command.ExecuteNonQuery();
    }

    public long Scalar(string sql)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Drops the append-only triggers, as an attacker with write access to the file could.</summary>
    public void DropTriggers() =>
        Sql("""
            DROP TRIGGER audit_entries_no_update;
            DROP TRIGGER audit_entries_oldest_first;
            DROP TRIGGER audit_entries_move_anchor;
            """);

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
