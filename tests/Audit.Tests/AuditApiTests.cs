using System.Net;
using System.Text.Json;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Audit.Tests;

public sealed class AuditApiTests
{
    public static TheoryData<string> Routes => ["/api/audit", "/api/audit/export", "/api/audit/verify"];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Anonymous_callers_get_401(string route)
    {
        await using var server = await AuditServer.StartAsync();

        using var response = await server.GetAsync(route, user: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Callers_without_the_admin_role_get_403(string route)
    {
        await using var server = await AuditServer.StartAsync();

        using var response = await server.GetAsync(route, user: "olga", roles: $"{SiteRoles.Operator},{SiteRoles.Integrator},{SiteRoles.Ml}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, (await server.Trail.VerifyAsync(TestContext.Current.CancellationToken)).Entries);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Admins_get_200_and_nothing_is_cached(string route)
    {
        await using var server = await AuditServer.StartAsync();

        using var response = await server.GetAsync(route, user: "root", roles: SiteRoles.Admin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task The_list_answers_entries_in_the_contracts_shape()
    {
        await using var server = await AuditServer.StartAsync();
        var record = new AuditRecord(
            AuditActions.CropImageOpened, "user:olga", "olga", "cam-a-0001", new Dictionary<string, string?> { ["reason"] = null }, AuditOutcome.Refused, "192.0.2.1");
        await server.Trail.RecordAsync(record, TestContext.Current.CancellationToken);
        await server.Trail.RecordAsync(record with { Outcome = AuditOutcome.Succeeded }, TestContext.Current.CancellationToken);

        using var response = await server.GetAsync("/api/audit?limit=1");
        using var json = await AuditServer.ReadAsync<JsonDocument>(response);

        var entry = Assert.Single(json.RootElement.GetProperty("entries").EnumerateArray());
        Assert.Equal(2, json.RootElement.GetProperty("next").GetInt64());
        Assert.Equal(2, entry.GetProperty("sequence").GetInt64());
        Assert.Equal(AuditTrailForTests.Start, entry.GetProperty("time").GetDateTimeOffset());
        Assert.Equal("crop.image", entry.GetProperty("action").GetString());
        Assert.Equal("user:olga", entry.GetProperty("actorId").GetString());
        Assert.Equal("olga", entry.GetProperty("actorName").GetString());
        Assert.Equal("cam-a-0001", entry.GetProperty("target").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("detail").GetProperty("reason").ValueKind);
        Assert.Equal("Succeeded", entry.GetProperty("outcome").GetString());
        Assert.Equal("192.0.2.1", entry.GetProperty("clientAddress").GetString());
        Assert.Matches("^[0-9a-f]{64}$", entry.GetProperty("hash").GetString());

        using var last = await server.GetAsync("/api/audit?limit=1&before=2");
        using var lastJson = await AuditServer.ReadAsync<JsonDocument>(last);
        Assert.Equal(JsonValueKind.Null, lastJson.RootElement.GetProperty("next").ValueKind);
        Assert.Equal("Refused", lastJson.RootElement.GetProperty("entries")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task The_list_filters_by_actor_action_and_time_from_the_query_string()
    {
        await using var server = await AuditServer.StartAsync();
        foreach (var (action, actor) in new[] { ("search.text", "alice"), ("search.similar", "bob"), ("login", "alice"), ("search.text", "alice") })
        {
            await server.Trail.RecordAsync(
                new AuditRecord(action, $"user:{actor}", actor, null, new Dictionary<string, string?>(), AuditOutcome.Succeeded, null),
                TestContext.Current.CancellationToken);
            server.Clock.Advance(TimeSpan.FromHours(1));
        }

        using var response = await server.GetAsync("/api/audit?actor=alice&action=search.&from=2026-03-01T08:30:00Z&to=2026-03-01T12:00:00%2B00:00");
        var page = await AuditServer.ReadAsync<AuditPage>(response);

        Assert.Equal([4L], page.Entries.Select(entry => entry.Sequence));
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Verify_reports_the_chain()
    {
        await using var server = await AuditServer.StartAsync();
        for (var i = 0; i < 3; i++)
            await server.Trail.RecordAsync(AuditRecord.OfSystem(AuditActions.ModelLoaded), TestContext.Current.CancellationToken);

        using var response = await server.GetAsync("/api/audit/verify");
        using var json = await AuditServer.ReadAsync<JsonDocument>(response);

        Assert.True(json.RootElement.GetProperty("intact").GetBoolean());
        Assert.Equal(3, json.RootElement.GetProperty("entries").GetInt64());
        Assert.Equal(1, json.RootElement.GetProperty("firstSequence").GetInt64());
        Assert.Equal(3, json.RootElement.GetProperty("lastSequence").GetInt64());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("brokenAt").ValueKind);
    }

    [Theory]
    [InlineData("/api/audit?from=yesterday", "from")]
    [InlineData("/api/audit?from=2026-13-01", "from")]
    [InlineData("/api/audit?to=2026-03-01T25:00:00Z", "to")]
    [InlineData("/api/audit?from=2026-03-02&to=2026-03-01", "to")]
    [InlineData("/api/audit?limit=0", "limit")]
    [InlineData("/api/audit?limit=1001", "limit")]
    [InlineData("/api/audit?limit=ten", "limit")]
    [InlineData("/api/audit?limit=-5", "limit")]
    [InlineData("/api/audit?before=0", "before")]
    [InlineData("/api/audit?before=abc", "before")]
    [InlineData("/api/audit?before=99999999999999999999999", "before")]
    [InlineData("/api/audit?actor=al%00ice", "actor")]
    [InlineData("/api/audit?action=search%0A.text", "action")]
    [InlineData("/api/audit/export?format=xlsx", "format")]
    [InlineData("/api/audit/export?from=2026-03-01T08:00:00Z&to=2026-02-01", "to")]
    [InlineData("/api/audit/export?to=now", "to")]
    public async Task Invalid_query_parameters_get_400_naming_the_field(string route, string field)
    {
        await using var server = await AuditServer.StartAsync();

        using var response = await server.GetAsync(route);

        var errors = await AuditServer.ReadValidationErrorsAsync(response);
        Assert.Equal([field], errors.Keys);
        Assert.Equal(0, (await server.Trail.VerifyAsync(TestContext.Current.CancellationToken)).Entries);
    }

    [Fact]
    public async Task Over_long_filters_get_400_naming_each_field_without_echoing_them()
    {
        await using var server = await AuditServer.StartAsync();
        var longText = new string('a', 201);

        using var response = await server.GetAsync($"/api/audit?actor={longText}&action={longText}");

        var errors = await AuditServer.ReadValidationErrorsAsync(response);
        Assert.Equal(["action", "actor"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(longText, string.Concat(errors.Values.SelectMany(messages => messages)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2026-03-01")]
    [InlineData("from=2026-03-01T08:00Z")]
    [InlineData("from=2026-03-01T08:00:00.123456Z")]
    [InlineData("from=2026-03-01T09:00:00%2B01:00")]
    [InlineData("from=2026-03-01T09:00:00+01:00")]
    [InlineData("from=2026-03-01T08:00:00&to=2026-03-01T08:00:00")]
    public async Task Iso_8601_times_are_accepted(string query)
    {
        await using var server = await AuditServer.StartAsync();

        using var response = await server.GetAsync($"/api/audit?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
