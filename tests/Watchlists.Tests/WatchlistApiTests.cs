using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Watchlists.Tests;

/// <summary>The watchlist API: create, list, delete, validation of hostile input, roles, camera scope and the audit trail.</summary>
public sealed class WatchlistApiTests(WatchlistModel model) : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AWatchlistIsCreatedListedAndDeletedWithItsHits()
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);
        using var client = host.Client("olivia");

        using var created = await client.PostAsJsonAsync("/api/watchlists", new { name = "Blue skirt (lobby)", text = "  " + MatchingTests.Description + " " }, Token);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var watchlist = (await created.Content.ReadFromJsonAsync<WatchlistResponse>(Token))!;
        Assert.Matches("^wl-[0-9a-f]{16}$", watchlist.Id);
        Assert.Equal("Blue skirt (lobby)", watchlist.Name);
        Assert.Equal(MatchingTests.Description, watchlist.Text);
        Assert.Equal(3.0, watchlist.Threshold);
        Assert.Null(watchlist.Cameras);
        Assert.Equal("olivia", watchlist.CreatedBy);
        Assert.Equal(model.Version, watchlist.ModelVersion);
        Assert.Equal(new CalibrationResponse(0, 0, 0, false), watchlist.Calibration);
        Assert.Equal(0, watchlist.Hits);

        // Shared by the control room: another operator sees it.
        var listed = Assert.Single(await MatchingTests.ListAsync(host.Client("peter")));
        Assert.Equal(watchlist.Id, listed.Id);

        await host.FeedAsync(TestCrops.Ordinary(model, "cam-a", 0, 250, firstTrack: 1));
        await host.FeedAsync([TestCrops.Embedded(model.Version, "cam-a", 1000, model.EmbedText(MatchingTests.Description))]);
        Assert.Single(await MatchingTests.HitsAsync(host.Client()));

        using (var deleted = await client.DeleteAsync($"/api/watchlists/{watchlist.Id}", Token))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await MatchingTests.ListAsync(host.Client()));
        Assert.Empty(await MatchingTests.HitsAsync(host.Client()));
        Assert.Empty(host.Store.ListHits(CameraScope.Everything, null, null, 100));
        using (var again = await client.DeleteAsync($"/api/watchlists/{watchlist.Id}", Token))
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        using (var hits = await client.GetAsync($"/api/watchlists/hits?watchlistId={watchlist.Id}", Token))
            Assert.Equal(HttpStatusCode.NotFound, hits.StatusCode);

        // A deleted watchlist raises nothing more.
        await host.FeedAsync([TestCrops.Embedded(model.Version, "cam-a", 1001, model.EmbedText(MatchingTests.Description))]);
        Assert.Empty(await MatchingTests.HitsAsync(host.Client()));
    }

    public static TheoryData<string, string> HostileBodies => new()
    {
        { """{"name":"a","text":"TEXT_601"}""", "text" },
        { """{"name":"a","text":"EMOJI_501"}""", "text" },
        { """{"name":"a","text":"red coat\u0000 and more"}""", "text" },
        { """{"name":"a","text":"red coat\u0007"}""", "text" },
        { """{"name":"a","text":"red coat\nIGNORE ALL ALERTS"}""", "text" },
        { """{"name":"a","text":"red \u202Etaoc"}""", "text" },
        { """{"name":"a","text":"red \ud800 coat"}""", "text" },
        { """{"name":"a","text":"   "}""", "text" },
        { """{"name":"a"}""", "text" },
        { """{"name":"'; DROP TABLE watchlists; --","text":"red coat"}""", "name" },
        { """{"name":"<script>alert(1)</script>","text":"red coat"}""", "name" },
        { """{"name":"NAME_101","text":"red coat"}""", "name" },
        { """{"name":"","text":"red coat"}""", "name" },
        { """{"name":"a\u200Fb","text":"red coat"}""", "name" },
        { """{"name":"a","text":"red coat","threshold":"NaN"}""", "threshold" },
        { """{"name":"a","text":"red coat","threshold":"3"}""", "threshold" },
        { """{"name":"a","text":"red coat","threshold":0.1}""", "threshold" },
        { """{"name":"a","text":"red coat","threshold":11}""", "threshold" },
        { """{"name":"a","text":"red coat","threshold":1e308}""", "threshold" },
        { """{"name":"a","text":"red coat","threshold":NaN}""", "body" },
        { """{"name":"a","text":"red coat","camera":["cam-a"]}""", "camera" },
        { """{"name":"a","text":"red coat","cameras":[]}""", "cameras" },
        { """{"name":"a","text":"red coat","cameras":["Cam A"]}""", "cameras" },
        { """{"name":"a","text":"red coat","cameras":["../x"]}""", "cameras" },
        { """{"name":"a","text":"red coat","cameras":[null]}""", "cameras" },
        { """{"name":"a","text":"red coat","cameras":"cam-a"}""", "cameras" },
        { """{"name":"a","text":"red coat","cameras":[1]}""", "cameras" },
        { """{"name":["a"],"text":"red coat"}""", "name" },
        { """[{"name":"a","text":"red coat"}]""", "body" },
        { "null", "body" },
        { "", "body" },
        { "hello", "body" },
        { """{"name":"a","text":"red coat" """, "body" },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task HostileInputIsRefusedNamingTheFieldAndNothingIsStored(string body, string field)
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);
        using var client = host.Client();
        body = body.Replace("TEXT_601", new string('x', 601), StringComparison.Ordinal)
            .Replace("EMOJI_501", string.Concat(Enumerable.Repeat("\\ud83d\\udc5c", 501)), StringComparison.Ordinal)
            .Replace("NAME_101", new string('n', 101), StringComparison.Ordinal);

        using var response = await WatchlistHost.PostJsonAsync(client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}' in {problem.RootElement}");
        Assert.Empty(await MatchingTests.ListAsync(host.Client()));
        Assert.Empty(host.Audit.Records);
    }

    [Fact]
    public async Task AHugeOrNonJsonBodyIsRefusedUnread()
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);
        using var client = host.Client();

        using var huge = await WatchlistHost.PostJsonAsync(client, $$"""{"name":"a","text":"{{new string('x', 20_000)}}"}""");
        using var plain = await client.PostAsync("/api/watchlists", new StringContent("""{"name":"a","text":"red coat"}""", Encoding.UTF8, "text/plain"), Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Empty(await MatchingTests.ListAsync(host.Client()));
    }

    [Fact]
    public async Task InjectionLookingTextAndUnicodeAreStoredVerbatim()
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);
        var text = "Robert'); DROP TABLE watchlists;-- in a rot-weiße Jacke 👜";

        var created = await host.CreateAsync("Zoë & Łukasz: #1", text, threshold: 2.5, cameras: ["lobby", "entrance", "lobby"]);

        var listed = Assert.Single(await MatchingTests.ListAsync(host.Client()));
        Assert.Equal(text, listed.Text);
        Assert.Equal("Zoë & Łukasz: #1", listed.Name);
        Assert.Equal(["entrance", "lobby"], listed.Cameras);
        Assert.Equal(2.5, listed.Threshold);
        Assert.Equal(created.Id, listed.Id);
    }

    [Fact]
    public async Task TheTextTowersOwnLimitAppliesToo()
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder, new Dictionary<string, string?>(WatchlistHost.SmallWindow) { ["Watchlists:MaxTextLength"] = "5000" });

        using var response = await WatchlistHost.PostJsonAsync(host.Client(), $$"""{"name":"a","text":"{{new string('x', 1001)}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 1000 characters", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    public static TheoryData<string?, string, HttpStatusCode> Callers => new()
    {
        { null, "", HttpStatusCode.Unauthorized },
        { "ivan", SiteRoles.Integrator, HttpStatusCode.Forbidden },
        { "mia", SiteRoles.Ml, HttpStatusCode.Forbidden },
        { "ada", SiteRoles.Admin, HttpStatusCode.Forbidden },
        { "ada", $"{SiteRoles.Admin},{SiteRoles.Integrator},{SiteRoles.Ml}", HttpStatusCode.Forbidden },
        { "olivia", SiteRoles.Operator, HttpStatusCode.OK },
        { "root", string.Join(',', SiteRoles.All), HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task OnlyOperatorsMayUseTheWatchlists(string? user, string roles, HttpStatusCode expected)
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);
        var existing = await host.CreateAsync("existing", "red coat");
        using var client = host.Client(user, roles);
        client.Timeout = TimeSpan.FromSeconds(30);

        using var list = await client.GetAsync("/api/watchlists", Token);
        using var hits = await client.GetAsync("/api/watchlists/hits", Token);
        using var create = await WatchlistHost.PostJsonAsync(client, """{"name":"mine","text":"green hat"}""");
        using var delete = await client.DeleteAsync($"/api/watchlists/{existing.Id}", Token);
        using var stream = await client.GetAsync("/api/alerts/stream", HttpCompletionOption.ResponseHeadersRead, Token);

        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Equal(HttpStatusCode.OK, hits.StatusCode);
            Assert.Equal(HttpStatusCode.Created, create.StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
            Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
            Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        }
        else
        {
            Assert.All([list, hits, create, delete, stream], response => Assert.Equal(expected, response.StatusCode));
            Assert.Equal(["existing"], (await MatchingTests.ListAsync(host.Client())).Select(w => w.Name));
        }
    }

    [Fact]
    public async Task CreatingAndDeletingAreAudited()
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);
        var created = await host.CreateAsync("red coat", "woman in a red coat", threshold: 4, cameras: ["lobby"]);
        using (var deleted = await host.Client().DeleteAsync($"/api/watchlists/{created.Id}", Token))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var records = host.Audit.Records;
        Assert.Equal(2, records.Count);
        var create = records[0];
        Assert.Equal(AuditActions.WatchlistCreated, create.Action);
        Assert.Equal("user:olivia", create.ActorId);
        Assert.Equal("olivia", create.ActorName);
        Assert.Equal(created.Id, create.Target);
        Assert.Equal(AuditOutcome.Succeeded, create.Outcome);
        Assert.Equal("red coat", create.Detail["name"]);
        Assert.Equal("woman in a red coat", create.Detail["text"]);
        Assert.Equal("4", create.Detail["threshold"]);
        Assert.Equal("lobby", create.Detail["cameras"]);
        var delete = records[1];
        Assert.Equal(AuditActions.WatchlistDeleted, delete.Action);
        Assert.Equal(created.Id, delete.Target);
        Assert.Equal("red coat", delete.Detail["name"]);
    }

    [Fact]
    public async Task NothingIsCreatedOrDeletedWhenTheAuditTrailCannotBeWritten()
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);
        var existing = await host.CreateAsync("existing", "red coat");
        host.Audit.Failing = true;
        using var client = host.Client();

        using var create = await WatchlistHost.PostJsonAsync(client, """{"name":"new","text":"green hat"}""");
        using var delete = await client.DeleteAsync($"/api/watchlists/{existing.Id}", Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, create.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, delete.StatusCode);
        Assert.Equal([existing.Id], (await MatchingTests.ListAsync(host.Client())).Select(w => w.Id));
        Assert.True(host.Matcher.Contains(existing.Id));
        Assert.Single(host.Audit.Records); // the first creation only
    }

    [Fact]
    public async Task ARestrictedOperatorsWatchlistStaysWithinTheirCameras()
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);
        using var restricted = host.Client("rita", SiteRoles.Operator, ["lobby", "entrance"]);

        using var outside = await WatchlistHost.PostJsonAsync(restricted, """{"name":"a","text":"red coat","cameras":["lobby","car-park"]}""");
        using var defaulted = await WatchlistHost.PostJsonAsync(restricted, """{"name":"b","text":"red coat"}""");
        using var inside = await WatchlistHost.PostJsonAsync(restricted, """{"name":"c","text":"red coat","cameras":["lobby"]}""");
        using var blind = await WatchlistHost.PostJsonAsync(host.Client("nobody", SiteRoles.Operator, []), """{"name":"d","text":"red coat"}""");

        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Contains("car-park", await outside.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, blind.StatusCode);
        Assert.Equal(HttpStatusCode.Created, defaulted.StatusCode);
        Assert.Equal(["entrance", "lobby"], (await defaulted.Content.ReadFromJsonAsync<WatchlistResponse>(Token))!.Cameras);
        Assert.Equal(HttpStatusCode.Created, inside.StatusCode);
        Assert.Equal(["b", "c"], (await MatchingTests.ListAsync(host.Client())).Select(w => w.Name));
        var refusal = host.Audit.Records.First(r => r.Outcome == AuditOutcome.Refused);
        Assert.Equal(AuditActions.WatchlistCreated, refusal.Action);
        Assert.Equal("user:rita", refusal.ActorId);
    }

    [Fact]
    public async Task ARestrictedOperatorSeesEveryWatchlistButOnlyTheirCamerasOfIt()
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);
        var mixed = await host.CreateAsync("mixed", "red coat", cameras: ["lobby", "car-park", "garage"]);
        var hidden = await host.CreateAsync("hidden", "red coat", cameras: ["car-park", "garage"]);
        var everywhere = await host.CreateAsync("everywhere", "red coat");
        using var rita = host.Client("rita", SiteRoles.Operator, ["lobby"]);

        using var response = await rita.GetAsync("/api/watchlists", Token);
        var body = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("car-park", body, StringComparison.Ordinal);
        Assert.DoesNotContain("garage", body, StringComparison.Ordinal);
        var listed = JsonSerializer.Deserialize<List<WatchlistResponse>>(body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(["mixed", "hidden", "everywhere"], listed.Select(w => w.Name)); // still listed by name: a shared control room
        Assert.Equal(["lobby"], listed[0].Cameras);
        Assert.Equal(2, listed[0].HiddenCameras);
        Assert.Equal([], listed[1].Cameras!);
        Assert.Equal(2, listed[1].HiddenCameras);
        Assert.Null(listed[2].Cameras); // every camera: no camera id to hide
        Assert.Equal(0, listed[2].HiddenCameras);
        Assert.Contains("\"hiddenCameras\":2", body, StringComparison.Ordinal);

        // An unrestricted operator sees every camera, none hidden.
        var all = await MatchingTests.ListAsync(host.Client());
        Assert.Equal([mixed.Cameras, hidden.Cameras, everywhere.Cameras], all.Select(w => w.Cameras));
        Assert.Equal(["car-park", "garage", "lobby"], all[0].Cameras);
        Assert.All(all, w => Assert.Equal(0, w.HiddenCameras));
    }

    [Fact]
    public async Task ARestrictedOperatorCannotDeleteAWatchlistOfCamerasOutsideTheirs()
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);
        var mixed = await host.CreateAsync("mixed", "red coat", cameras: ["lobby", "car-park"]);
        var everywhere = await host.CreateAsync("everywhere", "red coat");
        var lobby = await host.CreateAsync("lobby", "red coat", cameras: ["lobby"]);
        using var rita = host.Client("rita", SiteRoles.Operator, ["lobby", "entrance"]);
        const string missing = "wl-0123456789abcdef";

        using var missingAnswer = await rita.DeleteAsync($"/api/watchlists/{missing}", Token);
        using var mixedAnswer = await rita.DeleteAsync($"/api/watchlists/{mixed.Id}", Token);
        using var everywhereAnswer = await rita.DeleteAsync($"/api/watchlists/{everywhere.Id}", Token);
        using var lobbyAnswer = await rita.DeleteAsync($"/api/watchlists/{lobby.Id}", Token);

        // Answered like a missing watchlist: same status, same problem but for the id.
        var expected = await ProblemWithoutIdAsync(missingAnswer, missing);
        Assert.Equal(HttpStatusCode.NotFound, mixedAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, everywhereAnswer.StatusCode);
        Assert.Equal(expected, await ProblemWithoutIdAsync(mixedAnswer, mixed.Id));
        Assert.Equal(expected, await ProblemWithoutIdAsync(everywhereAnswer, everywhere.Id));
        Assert.Equal(HttpStatusCode.NoContent, lobbyAnswer.StatusCode);
        Assert.Equal(["mixed", "everywhere"], (await MatchingTests.ListAsync(host.Client())).Select(w => w.Name));
        Assert.True(host.Matcher.Contains(mixed.Id));

        var deletions = host.Audit.Records.Where(r => r.Action == AuditActions.WatchlistDeleted).ToList();
        Assert.Equal(
            [(mixed.Id, AuditOutcome.Refused), (everywhere.Id, AuditOutcome.Refused), (lobby.Id, AuditOutcome.Succeeded)],
            deletions.Select(r => (r.Target, r.Outcome)));
        Assert.All(deletions, r => Assert.Equal("user:rita", r.ActorId));

        // An unrestricted operator may delete them.
        using (var deleted = await host.Client().DeleteAsync($"/api/watchlists/{everywhere.Id}", Token))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task ADeletionThatFindsTheWatchlistGoneAfterItsRecordIsRecordedAsFailed()
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);
        var watchlist = await host.CreateAsync("red coat", "red coat");

        // Right after the "succeeded" record is written, the watchlist goes another way (as if the database were changed under the API).
        host.Audit.AfterRecord = record =>
        {
            if (record is not { Action: AuditActions.WatchlistDeleted, Outcome: AuditOutcome.Succeeded })
                return Task.FromResult(false);
            Assert.True(host.Store.Delete(record.Target!));
            return Task.FromResult(true);
        };
        using var response = await host.Client().DeleteAsync($"/api/watchlists/{watchlist.Id}", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var deletions = host.Audit.Records.Where(r => r.Action == AuditActions.WatchlistDeleted).ToList();
        Assert.Equal([AuditOutcome.Succeeded, AuditOutcome.Failed], deletions.Select(r => r.Outcome));
        Assert.All(deletions, r => Assert.Equal(watchlist.Id, r.Target));
        Assert.Contains("gone", deletions[1].Detail["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentDeletionsOfOneWatchlistRecordOneSuccessOnly()
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);
        var watchlist = await host.CreateAsync("red coat", "red coat");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var client = host.Client();
            using var response = await client.DeleteAsync($"/api/watchlists/{watchlist.Id}", Token);
            return response.StatusCode;
        }));

        Assert.Single(answers, HttpStatusCode.NoContent);
        Assert.Equal(7, answers.Count(a => a == HttpStatusCode.NotFound));
        var deletion = Assert.Single(host.Audit.Records, r => r.Action == AuditActions.WatchlistDeleted);
        Assert.Equal(AuditOutcome.Succeeded, deletion.Outcome);
    }

    [Fact]
    public async Task MessagesQuotingInputShowControlCharactersEscaped()
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);
        using var client = host.Client();

        using var created = await WatchlistHost.PostJsonAsync(client, """{"name":"a","text":"red coat","cameras":["cam\r\nX-Forged: 1\u0007"]}""");
        using var deleted = await client.DeleteAsync("/api/watchlists/wl-%0d%0aforged", Token);

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        using var problem = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Token));
        var message = Assert.Single(problem.RootElement.GetProperty("errors").GetProperty("cameras").EnumerateArray()).GetString()!;
        Assert.DoesNotContain(message, char.IsControl);
        Assert.Contains("'cam\\u000d\\u000aX-Forged: 1\\u0007'", message, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        using var notFound = JsonDocument.Parse(await deleted.Content.ReadAsStringAsync(Token));
        var detail = notFound.RootElement.GetProperty("detail").GetString()!;
        Assert.DoesNotContain(detail, char.IsControl);
        Assert.Contains("\\u000d\\u000aforged", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSiteKeepsAtMostMaxWatchlists()
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder, new Dictionary<string, string?>(WatchlistHost.SmallWindow) { ["Watchlists:MaxWatchlists"] = "2" });
        await host.CreateAsync("one", "red coat");
        await host.CreateAsync("two", "blue coat");

        using var third = await WatchlistHost.PostJsonAsync(host.Client(), """{"name":"three","text":"green coat"}""");

        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Equal(2, (await MatchingTests.ListAsync(host.Client())).Count);
    }

    [Fact]
    public async Task HitsAreListedNewestFirstInPagesOfTheCallersCameras()
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);
        var watchlist = await host.CreateAsync("blue skirt", MatchingTests.Description, threshold: 2.5);
        var text = model.EmbedText(MatchingTests.Description);
        await host.FeedAsync(TestCrops.Ordinary(model, "lobby", 0, 250, firstTrack: 1));
        await host.FeedAsync(new[] { "lobby", "entrance", "lobby", "car-park", "lobby" }.Select((camera, i) => TestCrops.Embedded(model.Version, camera, 1000 + i, text)));

        var all = await MatchingTests.HitsAsync(host.Client());
        Assert.Equal([1004L, 1003, 1002, 1001, 1000], all.Select(h => h.TrackId));
        Assert.True(all.Zip(all.Skip(1)).All(pair => pair.First.Id > pair.Second.Id));
        var first = all[^1];
        Assert.Equal($"/api/crops/{first.CropId}/image", first.ThumbnailUrl);
        Assert.Equal($"/api/crops/{first.CropId}/frame", first.FrameUrl);
        Assert.Equal(TestCrops.Start.AddSeconds(1000), first.Time);

        var page = await MatchingTests.HitsAsync(host.Client(), $"?limit=2&before={all[1].Id}&watchlistId={watchlist.Id}");
        Assert.Equal([all[2].Id, all[3].Id], page.Select(h => h.Id));

        // A lobby-only operator sees the lobby's hits and counts, though every watchlist.
        var lobby = await MatchingTests.HitsAsync(host.Client("rita", SiteRoles.Operator, ["lobby"]));
        Assert.Equal([1004L, 1002, 1000], lobby.Select(h => h.TrackId));
        Assert.Equal(3, Assert.Single(await MatchingTests.ListAsync(host.Client("rita", SiteRoles.Operator, ["lobby"]))).Hits);
        Assert.Empty(await MatchingTests.HitsAsync(host.Client("sam", SiteRoles.Operator, ["garage"])));
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=1001", "limit")]
    [InlineData("?limit=abc", "limit")]
    [InlineData("?before=-1", "before")]
    [InlineData("?before=1e3", "before")]
    [InlineData("?watchlistId=../../etc", "watchlistId")]
    [InlineData("?watchlistId=wl-XYZ", "watchlistId")]
    public async Task BadHitQueriesAreRefusedNamingTheParameter(string query, string field)
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);

        using var response = await host.Client().GetAsync($"/api/watchlists/hits{query}", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A 404 problem's fields, with the watchlist id in its detail replaced, so that two answers can be compared.</summary>
    private static async Task<string> ProblemWithoutIdAsync(HttpResponseMessage response, string id)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var fields = problem.RootElement.EnumerateObject()
            .Where(p => p.Name != "traceId")
            .Select(p => $"{p.Name}={p.Value.ToString().Replace(id, "{id}", StringComparison.Ordinal)}");
        return string.Join('|', fields) + "|" + response.Content.Headers.ContentType?.MediaType;
    }
}
