using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using VfeTps.Stream.Audit;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Search.Tests;

/// <summary>Who may call which search route, through real API keys of the access library.</summary>
public sealed class AccessControlTests(SearchFixture data) : IAsyncLifetime
{
    private const string Crop = "entrance.1.0";
    private SearchServer _server = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await SearchServer.StartAsync(data);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string, string> OperatorRoutes => new()
    {
        { "POST", "/api/search", """{"text":"a person"}""" },
        { "POST", "/api/search/similar", $$"""{"cropId":"{{Crop}}"}""" },
        { "GET", $"/api/crops/{Crop}/image", "" },
        { "GET", $"/api/crops/{Crop}/frame", "" },
    };

    [Theory]
    [MemberData(nameof(OperatorRoutes))]
    public async Task Operator_routes_answer_401_without_a_key_403_to_other_roles_and_200_to_an_operator(string method, string path, string body)
    {
        using var anonymous = _server.AnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(anonymous, method, path, body)).StatusCode);

        foreach (var role in new[] { SiteRoles.Integrator, SiteRoles.Ml, SiteRoles.Admin })
        {
            using var other = await _server.ClientForAsync([role]);
            var refused = await SendAsync(other, method, path, body);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{role}: {method} {path} answered {refused.StatusCode}.");
        }

        using var operatorClient = await _server.ClientForAsync([SiteRoles.Operator]);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(operatorClient, method, path, body)).StatusCode);
    }

    [Fact]
    public async Task Cameras_are_listed_to_anyone_signed_in_but_changed_by_integrators_only()
    {
        using var anonymous = _server.AnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/cameras", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/model", Token)).StatusCode);

        using var ml = await _server.ClientForAsync([SiteRoles.Ml]);
        Assert.Equal(HttpStatusCode.OK, (await ml.GetAsync("/api/cameras", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ml.GetAsync("/api/model", Token)).StatusCode);

        var spec = new { id = "gate-9", name = "Gate 9", source = "/videos/gate.mp4", detector = DetectorKinds.Motion };
        using var operatorClient = await _server.ClientForAsync([SiteRoles.Operator]);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsJsonAsync("/api/cameras", spec, Token)).StatusCode);
        Assert.Null(await _server.Cameras.GetAsync("gate-9", Token));

        using var integrator = await _server.ClientForAsync([SiteRoles.Integrator]);
        Assert.Equal(HttpStatusCode.Created, (await integrator.PostAsJsonAsync("/api/cameras", spec, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.DeleteAsync("/api/cameras/gate-9", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await integrator.DeleteAsync("/api/cameras/gate-9", Token)).StatusCode);
    }

    [Fact]
    public async Task A_restricted_operator_gets_results_of_their_cameras_only()
    {
        using var restricted = await _server.ClientForAsync([SiteRoles.Operator], ["entrance"]);

        var everything = await (await _server.PostAsync("/api/search", new { text = "a person", k = 50, groupByTrack = false })).ReadSearchAsync();
        var theirs = await (await restricted.PostAsJsonAsync("/api/search", new { text = "a person", k = 50, groupByTrack = false }, Token)).ReadSearchAsync();

        Assert.Contains(everything.Results, result => result.CameraId != "entrance");
        Assert.NotEmpty(theirs.Results);
        Assert.All(theirs.Results, result => Assert.Equal("entrance", result.CameraId));
        Assert.Equal(everything.Results.Count(result => result.CameraId == "entrance"), theirs.Results.Count);
    }

    [Fact]
    public async Task A_restricted_operator_naming_another_camera_is_refused_and_the_refusal_is_audited()
    {
        using var restricted = await _server.ClientForAsync([SiteRoles.Operator], ["entrance"]);

        var response = await restricted.PostAsJsonAsync("/api/search", new { text = "woman in red", cameras = new[] { "entrance", "lobby" } }, Token);

        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        var page = await _server.Audit.QueryAsync(new AuditFilter(Action: AuditActions.Search), Token);
        var entry = Assert.Single(page.Entries);
        Assert.Equal(AuditOutcome.Refused, entry.Outcome);
        Assert.Equal("woman in red", entry.Detail["text"]);
        Assert.Equal("entrance,lobby", entry.Detail["cameras"]);
    }

    [Fact]
    public async Task Crops_frames_cameras_and_similar_searches_of_hidden_cameras_answer_404()
    {
        using var restricted = await _server.ClientForAsync([SiteRoles.Operator], ["entrance"]);

        Assert.Equal(HttpStatusCode.OK, (await restricted.GetAsync("/api/crops/entrance.1.0/image", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await restricted.GetAsync("/api/crops/lobby.1.0/image", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await restricted.GetAsync("/api/crops/lobby.1.0/frame", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await restricted.PostAsJsonAsync("/api/search/similar", new { cropId = "lobby.1.0" }, Token)).StatusCode);

        await _server.Cameras.AddAsync(new CameraSpec("entrance", "Entrance", "/videos/a.mp4"), Token);
        await _server.Cameras.AddAsync(new CameraSpec("lobby", "Lobby", "/videos/b.mp4"), Token);
        var cameras = await (await restricted.GetAsync("/api/cameras", Token)).ReadAsync<List<CameraView>>();
        Assert.Equal(["entrance"], cameras.Select(camera => camera.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await restricted.GetAsync("/api/cameras/lobby", Token)).StatusCode);
    }

    [Fact]
    public async Task Searches_crop_and_frame_views_and_camera_changes_are_audited_with_their_particulars()
    {
        using var operatorClient = await _server.ClientForAsync([SiteRoles.Operator]);
        var search = await (await operatorClient.PostAsJsonAsync("/api/search", new { text = "man with a backpack", cameras = new[] { "lobby" }, k = 5 }, Token)).ReadSearchAsync();
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync($"/api/crops/{Crop}/image", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync($"/api/crops/{Crop}/frame", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsJsonAsync("/api/search/similar", new { cropId = Crop }, Token)).StatusCode);
        using var integrator = await _server.ClientForAsync([SiteRoles.Integrator]);
        var camera = new { id = "gate-7", name = "Gate 7", source = "rtsp://viewer:s3cret-pw@10.0.0.7/live", detector = "motion" };
        Assert.Equal(HttpStatusCode.Created, (await integrator.PostAsJsonAsync("/api/cameras", camera, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await integrator.DeleteAsync("/api/cameras/gate-7", Token)).StatusCode);

        var entries = (await _server.Audit.QueryAsync(new AuditFilter(Limit: 1000), Token)).Entries;

        var searched = Assert.Single(entries, entry => entry.Action == AuditActions.Search);
        Assert.StartsWith("key:", searched.ActorId);
        Assert.Equal("man with a backpack", searched.Detail["text"]);
        Assert.Equal("lobby", searched.Detail["cameras"]);
        Assert.Equal("5", searched.Detail["k"]);
        Assert.Equal(search.Results.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), searched.Detail["results"]);
        Assert.Equal(Crop, Assert.Single(entries, entry => entry.Action == AuditActions.CropImageOpened).Target);
        Assert.Equal(Crop, Assert.Single(entries, entry => entry.Action == AuditActions.CropFrameOpened).Target);
        Assert.Equal(Crop, Assert.Single(entries, entry => entry.Action == AuditActions.SearchSimilar).Target);
        var added = Assert.Single(entries, entry => entry.Action == AuditActions.CameraAdded);
        Assert.Equal("gate-7", added.Target);
        Assert.DoesNotContain("s3cret-pw", added.Detail["source"]);
        Assert.Equal("gate-7", Assert.Single(entries, entry => entry.Action == AuditActions.CameraRemoved).Target);
    }

    [Theory]
    [InlineData(" rtsp://viewer:s3cret-pw@10.0.0.7/live")] // a leading space defeats URL parsing, so the mask too
    [InlineData("\trtsp://viewer:s3cret-pw@10.0.0.7/live")]
    [InlineData("ftp://viewer:s3cret-pw@10.0.0.7/live")]
    public async Task A_refused_camera_leaves_no_added_record_and_its_credentials_appear_nowhere_in_the_trail(string source)
    {
        using var integrator = await _server.ClientForAsync([SiteRoles.Integrator]);

        var response = await integrator.PostAsJsonAsync("/api/cameras", new { id = "gate-8", name = "Gate 8", source, detector = "motion" }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var entries = (await _server.Audit.QueryAsync(new AuditFilter(Limit: 1000), Token)).Entries;
        Assert.DoesNotContain(entries, entry => entry.Action == AuditActions.CameraAdded);
        Assert.DoesNotContain(entries, entry => entry.Detail.Values.Any(value => value?.Contains("s3cret-pw", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task A_duplicate_camera_is_answered_409_without_an_added_record()
    {
        await _server.Cameras.AddAsync(new CameraSpec("gate-4", "Gate 4", "/videos/a.mp4"), Token);
        using var integrator = await _server.ClientForAsync([SiteRoles.Integrator]);

        var response = await integrator.PostAsJsonAsync("/api/cameras", new { id = "gate-4", name = "Gate 4 again", source = "/videos/b.mp4", detector = "motion" }, Token);

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Empty((await _server.Audit.QueryAsync(new AuditFilter(Action: AuditActions.CameraAdded), Token)).Entries);
    }

    [Fact]
    public async Task An_integrator_restricted_to_some_cameras_may_neither_add_nor_remove_cameras()
    {
        await _server.Cameras.AddAsync(new CameraSpec("hidden-1", "Hidden", "/videos/a.mp4"), Token);
        using var restricted = await _server.ClientForAsync([SiteRoles.Integrator], ["entrance"]);

        var add = await restricted.PostAsJsonAsync("/api/cameras", new { id = "gate-6", name = "Gate 6", source = "/videos/c.mp4", detector = "motion" }, Token);
        var remove = await restricted.DeleteAsync("/api/cameras/hidden-1", Token);

        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        Assert.NotNull(await _server.Cameras.GetAsync("hidden-1", Token));
        Assert.Null(await _server.Cameras.GetAsync("gate-6", Token));
    }

    [Fact]
    public async Task A_damaged_frame_is_not_recorded_as_opened_and_a_revalidated_one_is()
    {
        using var operatorClient = await _server.ClientForAsync([SiteRoles.Operator]);

        var damaged = await operatorClient.GetAsync($"/api/crops/{SearchFixture.CropWithDamagedFrame}/frame", Token);
        var first = await operatorClient.GetAsync($"/api/crops/{Crop}/frame", Token);
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/crops/{Crop}/frame");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var revalidated = await operatorClient.SendAsync(again, Token);

        Assert.Equal(HttpStatusCode.InternalServerError, damaged.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        var opened = (await _server.Audit.QueryAsync(new AuditFilter(Action: AuditActions.CropFrameOpened), Token)).Entries;
        Assert.Equal([Crop, Crop], opened.Select(entry => entry.Target));
    }

    [Fact]
    public async Task When_the_audit_trail_cannot_be_written_searches_and_crops_are_refused_503()
    {
        using var operatorClient = await _server.ClientForAsync([SiteRoles.Operator]);
        _server.App.Services.GetRequiredService<VfeTps.Stream.Storage.SiteDatabase>().Execute("DROP TABLE audit_entries;");

        var search = await operatorClient.PostAsJsonAsync("/api/search", new { text = "a person" }, Token);
        var image = await operatorClient.GetAsync($"/api/crops/{Crop}/image", Token);

        await search.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, image.StatusCode);
        Assert.NotEqual("image/jpeg", image.Content.Headers.ContentType?.MediaType);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body.Length > 0)
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        return client.SendAsync(request, Token);
    }
}
