using System.Net;
using System.Text.Json;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Audit.Tests;

public sealed class ExportTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly string[] HostileValues =
    [
        "plain",
        "comma, separated",
        "a \"quoted\" word",
        "two\r\nlines\nand a bare\rcarriage return",
        "=cmd|' /C calc'!A0",
        "+1+2",
        "-2+3",
        "@SUM(A1:A2)",
        "\t=leading tab",
        "\r=leading CR",
        "Zoë walks in 東京 🚶",
        "",
    ];

    [Fact]
    public async Task A_csv_export_of_hostile_content_parses_back_and_defuses_formulas()
    {
        await using var server = await AuditServer.StartAsync();
        foreach (var value in HostileValues)
        {
            await server.Trail.RecordAsync(
                new AuditRecord(AuditActions.Search, "user:" + value, value.Length == 0 ? "(no name)" : value, value, new Dictionary<string, string?> { ["query"] = value, [value] = "k" }, AuditOutcome.Succeeded, value),
                Token);
        }

        var longValue = new string('é', 5000);
        await server.Trail.RecordAsync(AuditRecord.OfSystem(AuditActions.ModelChanged, longValue), Token);

        using var response = await server.GetAsync("/api/audit/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var rows = CsvForTests.Parse(await response.Content.ReadAsStringAsync(Token));

        Assert.Equal(["sequence", "time", "action", "actorId", "actorName", "target", "outcome", "clientAddress", "detail", "hash"], rows[0]);
        var entries = await AllAsync(server);
        Assert.Equal(entries.Count + 1, rows.Count);
        Assert.All(rows, row => Assert.Equal(10, row.Length));
        for (var i = 0; i < entries.Count; i++)
        {
            var (row, entry) = (rows[i + 1], entries[i]);
            Assert.Equal(entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), row[0]);
            Assert.Equal(entry.Time, DateTimeOffset.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Defused(entry.Action), row[2]);
            Assert.Equal(Defused(entry.ActorId), row[3]);
            Assert.Equal(Defused(entry.ActorName), row[4]);
            Assert.Equal(Defused(entry.Target), row[5]);
            Assert.Equal(entry.Outcome.ToString(), row[6]);
            Assert.Equal(Defused(entry.ClientAddress), row[7]);
            Assert.Equal(entry.Detail, JsonSerializer.Deserialize<Dictionary<string, string?>>(row[8]));
            Assert.Equal(entry.Hash, row[9]);
        }

        // Formulas lead with an apostrophe, so a spreadsheet shows them as text.
        Assert.Contains(rows, row => row[4] == "'=cmd|' /C calc'!A0");
        Assert.Contains(rows, row => row[4] == "'\t=leading tab");
        Assert.DoesNotContain(rows.Skip(1), row => row.Skip(2).Take(6).Any(cell => cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal)));
        Assert.Contains(rows, row => row[5].StartsWith(new string('é', 2000) + "…[truncated from 5000 characters]", StringComparison.Ordinal));
        Assert.Contains(rows, row => row[4] == "Zoë walks in 東京 🚶");
    }

    [Fact]
    public async Task A_json_lines_export_holds_every_entry_oldest_first_one_per_line()
    {
        await using var server = await AuditServer.StartAsync();
        foreach (var value in HostileValues)
        {
            await server.Trail.RecordAsync(
                new AuditRecord(AuditActions.WatchlistCreated, "user:x", "x", value, new Dictionary<string, string?> { ["text"] = value, ["none"] = null }, AuditOutcome.Failed, null),
                Token);
        }

        using var response = await server.GetAsync("/api/audit/export?format=jsonl");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Token);

        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text[..^1].Split('\n');
        var exported = lines.Select(line => JsonSerializer.Deserialize<AuditEntry>(line, AuditServer.Json)!).ToList();
        var entries = await AllAsync(server);
        Assert.Equal(entries.Count, exported.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.Equal(entries[i] with { Detail = null! }, exported[i] with { Detail = null! });
            Assert.Equal(entries[i].Detail, exported[i].Detail);
        }

        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), exported.Select(entry => entry.Sequence));
        Assert.Null(exported[0].Detail["none"]);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(
            ["sequence", "time", "action", "actorId", "actorName", "target", "detail", "outcome", "clientAddress", "hash"],
            first.RootElement.EnumerateObject().Select(property => property.Name));
    }

    [Fact]
    public async Task The_export_is_itself_audited_before_it_is_streamed()
    {
        await using var server = await AuditServer.StartAsync();
        await server.Trail.RecordAsync(AuditRecord.OfSystem(AuditActions.ModelLoaded), Token);

        using var response = await server.GetAsync("/api/audit/export?format=jsonl&from=2026-03-01T07:00:00Z", user: "root");
        var lines = (await response.Content.ReadAsStringAsync(Token)).TrimEnd('\n').Split('\n');

        // The export's own record was written before streaming began, so the open-ended export holds it.
        Assert.Equal(2, lines.Length);
        var own = JsonSerializer.Deserialize<AuditEntry>(lines[1], AuditServer.Json)!;
        Assert.Equal(AuditActions.AuditExported, own.Action);
        Assert.Equal(("user:root", "root", AuditOutcome.Succeeded), (own.ActorId, own.ActorName, own.Outcome));
        Assert.Equal("jsonl", own.Detail["format"]);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 7, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(own.Detail["from"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(own.Detail["to"]);
        Assert.True((await server.Trail.VerifyAsync(Token)).Intact);
    }

    [Fact]
    public async Task The_export_holds_only_its_range_and_names_the_range_in_the_file_name()
    {
        await using var server = await AuditServer.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await server.Trail.RecordAsync(AuditRecord.OfSystem(AuditActions.ModelLoaded, $"m{i}"), Token);
            server.Clock.Advance(TimeSpan.FromHours(1));
        }

        using var response = await server.GetAsync("/api/audit/export?from=2026-03-01T09:00:00Z&to=2026-03-01T11:00:00Z");
        var rows = CsvForTests.Parse(await response.Content.ReadAsStringAsync(Token));

        Assert.Equal(["m1", "m2"], rows.Skip(1).Select(row => row[5]));
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Equal("vfetps-audit-20260301T090000Z-20260301T110000Z.csv", disposition?.FileName?.Trim('"') ?? disposition?.FileNameStar);
    }

    [Fact]
    public async Task An_open_ended_export_is_named_from_the_start_to_now()
    {
        await using var server = await AuditServer.StartAsync();
        server.Clock.Advance(TimeSpan.FromMinutes(90));

        using var response = await server.GetAsync("/api/audit/export?format=JSONL");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("vfetps-audit-start-20260301T093000Z.jsonl", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task An_export_of_thousands_of_entries_streams_them_all()
    {
        await using var server = await AuditServer.StartAsync();
        // Many times the export writer's 64 KiB buffer.
        const int Count = 1000;
        for (var i = 0; i < Count; i++)
            await server.Trail.RecordAsync(AuditRecord.OfSystem(AuditActions.ModelLoaded, new string('m', 600)), Token);

        using var response = await server.GetAsync("/api/audit/export");
        var rows = CsvForTests.Parse(await response.Content.ReadAsStringAsync(Token));

        // The header, the entries and the export's own record.
        Assert.Equal(Count + 2, rows.Count);
        Assert.Equal(Enumerable.Range(1, Count + 1).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Skip(1).Select(row => row[0]));
    }

    private static string Defused(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;

    private static async Task<List<AuditEntry>> AllAsync(AuditServer server)
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in server.Trail.ReadAsync(null, null, Token))
            entries.Add(entry);
        return entries;
    }
}
