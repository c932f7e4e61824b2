using VfeTps.Stream.Contracts;
using VfeTps.Stream.FrameIngest.Tests.Support;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.FrameIngest.Tests;

/// <summary>The camera registry over a real SQLite file: CRUD, persistence, validation, announcements, masking.</summary>
public sealed class CameraRegistryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Cameras_are_added_listed_got_and_removed_and_survive_reopening_the_database()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = TestVideos.WriteNumberedAvi(_temp.PathOf("lobby.avi"), frames: 3, fps: 10);
        var database = _temp.PathOf("site.db");
        await using (var first = await RegistryHarness.StartAsync(database))
        {
            var lobby = await first.Registry.AddAsync(new CameraSpec("lobby", "Lobby", file, 2.5, DetectorKinds.Hog, Loop: true, Paced: false), ct);
            await first.Registry.AddAsync(new CameraSpec("atrium", "Atrium", "rtsp://10.1.2.3:554/stream1"), ct);
            await first.Registry.AddAsync(new CameraSpec("zone-9", "Zone 9", "https://cam.example/live.mjpg"), ct);
            Assert.Equal(("lobby", "Lobby", file, 2.5, DetectorKinds.Hog, true, false), (lobby.Id, lobby.Name, lobby.Source, lobby.SampleRate, lobby.Detector, lobby.Loop, lobby.Paced));
            Assert.Equal(CameraHealth.NotStarted, lobby.Health);
            Assert.InRange(lobby.AddedAt, DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1), DateTimeOffset.UtcNow);

            Assert.True(await first.Registry.RemoveAsync("zone-9", ct));
            Assert.False(await first.Registry.RemoveAsync("zone-9", ct));
            Assert.False(await first.Registry.RemoveAsync("Not A Camera!", ct));
            Assert.True(await first.Bus.Published.Any<CameraAdded>(message => message.Context.Message.Camera.Id == "atrium", ct));
            Assert.True(await first.Bus.Published.Any<CameraRemoved>(message => message.Context.Message.CameraId == "zone-9", ct));
        }

        await using var reopened = await RegistryHarness.StartAsync(database);
        var cameras = await reopened.Registry.ListAsync(ct);
        Assert.Equal(["atrium", "lobby"], cameras.Select(camera => camera.Id));
        var got = await reopened.Registry.GetAsync("lobby", ct);
        Assert.NotNull(got);
        Assert.Equal((2.5, DetectorKinds.Hog, true, false, file), (got.SampleRate, got.Detector, got.Loop, got.Paced, got.Source));
        Assert.Equal(cameras[1].AddedAt, got.AddedAt);
        Assert.Null(await reopened.Registry.GetAsync("zone-9", ct));
        Assert.Null(await reopened.Registry.GetAsync("../etc", ct));
    }

    [Fact]
    public async Task A_duplicate_id_is_refused_and_the_first_registration_stays()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await RegistryHarness.StartAsync(_temp.PathOf("site.db"));
        await harness.Registry.AddAsync(new CameraSpec("gate", "Gate", "rtsp://10.0.0.1/a"), ct);

        var error = await Assert.ThrowsAsync<CameraAlreadyRegisteredException>(() => harness.Registry.AddAsync(new CameraSpec("gate", "Other", "rtsp://10.0.0.2/b"), ct));
        Assert.Contains("'gate' is registered already", error.Message, StringComparison.Ordinal);
        Assert.Equal("gate", error.CameraId);
        Assert.Equal("Gate", (await harness.Registry.GetAsync("gate", ct))!.Name);
        Assert.Single(await harness.Registry.ListAsync(ct));
    }

    [Fact]
    public async Task Credentials_never_leave_the_registry_but_the_stored_source_keeps_them()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await RegistryHarness.StartAsync(_temp.PathOf("site.db"));
        var source = "rtsp://operator:hunter2-secret@10.0.0.5:554/h264?channel=1&password=pw-in-query&api_key=k-123456";
        var added = await harness.Registry.AddAsync(new CameraSpec("vault", "Vault", source), ct);

        const string masked = "rtsp://***:***@10.0.0.5:554/h264?channel=1&password=***&api_key=***";
        Assert.Equal(masked, added.Source);
        Assert.Equal(masked, (await harness.Registry.GetAsync("vault", ct))!.Source);
        Assert.Equal(masked, Assert.Single(await harness.Registry.ListAsync(ct)).Source);
        Assert.Contains(harness.Logs.Lines, line => line.Contains(masked, StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Logs.Lines, line => line.Contains("hunter2", StringComparison.Ordinal) || line.Contains("pw-in-query", StringComparison.Ordinal) || line.Contains("k-123456", StringComparison.Ordinal));

        // The announcement on the bus carries the masked source too; the worker reads the real one from the registry.
        Assert.True(await harness.Bus.Published.Any<CameraAdded>(message => message.Context.Message.Camera.Source == masked, ct));
        Assert.False(await harness.Bus.Published.Any<CameraAdded>(message => message.Context.Message.Camera.Source == source, ct));
        Assert.Equal(source, harness.Registry.FindSpec("vault")!.Source);
    }

    [Fact]
    public async Task A_relative_file_path_is_stored_as_an_absolute_path()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = TestVideos.WriteNumberedAvi(_temp.PathOf("relative.avi"), frames: 2, fps: 10);
        await using var harness = await RegistryHarness.StartAsync(_temp.PathOf("site.db"));
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, file);
        Assert.False(Path.IsPathRooted(relative));

        var added = await harness.Registry.AddAsync(new CameraSpec("rel", "Relative", relative), ct);
        Assert.Equal(file, added.Source);
    }

    public static TheoryData<string, string, string, double, string, string> InvalidSpecs => new()
    {
        { "Bad Id", "Name", "rtsp://h/x", 5, DetectorKinds.Motion, "is not a camera id" },
        { "", "Name", "rtsp://h/x", 5, DetectorKinds.Motion, "is not a camera id" },
        { new string('a', 65), "Name", "rtsp://h/x", 5, DetectorKinds.Motion, "is not a camera id" },
        { "cam", "  ", "rtsp://h/x", 5, DetectorKinds.Motion, "needs a name" },
        { "cam", new string('n', 101), "rtsp://h/x", 5, DetectorKinds.Motion, "at most 100 are allowed" },
        { "cam", "Bad\nName", "rtsp://h/x", 5, DetectorKinds.Motion, "control characters" },
        { "cam", "Name", "", 5, DetectorKinds.Motion, "needs a source" },
        { "cam", "Name", "ftp://user:pw-leak@h/x.mp4", 5, DetectorKinds.Motion, "the URL scheme 'ftp' is not supported" },
        { "cam", "Name", "my cam://user:pw-leak@h/x", 5, DetectorKinds.Motion, "does not start with a URL scheme" },
        { "cam", "Name", " rtsp://user:pw-leak@h/x", 5, DetectorKinds.Motion, "control characters or surrounding spaces" },
        { "cam", "Name", "rtsp:user:pw-leak@h/x", 5, DetectorKinds.Motion, "without '//' after its scheme" },
        { "cam", "Name", "rtsp://admin:1234#pw-leak@10.0.0.7/s", 5, DetectorKinds.Motion, "Percent-encode '/', '?', '#' and '@' in credentials" },
        { "cam", "Name", "rtsp://admin:12/pw-leak@10.0.0.7/s", 5, DetectorKinds.Motion, "Percent-encode '/', '?', '#' and '@' in credentials" },
        { "cam", "Name", "rtsp://admin:x?pw-leak@10.0.0.7/s", 5, DetectorKinds.Motion, "Percent-encode '/', '?', '#' and '@' in credentials" },
        { "cam", "Name", "rtsp://admin:pw-leak@10.0.0.7/s@x", 5, DetectorKinds.Motion, "Percent-encode '/', '?', '#' and '@' in credentials" },
        { "cam", "Name", "http://cam.example/live?owner=pw-leak@example.com", 5, DetectorKinds.Motion, "has an '@' outside its user name and password" },
        { "cam", "Name", "udp://239.0.0.1:1234", 5, DetectorKinds.Motion, "is not supported" },
        { "cam", "Name", "rtsp://user:pw-leak@/nohost", 5, DetectorKinds.Motion, "is not a valid rtsp URL" },
        { "cam", "Name", "/no/such/file.mp4", 5, DetectorKinds.Motion, "does not exist" },
        { "cam", "Name", "/tmp", 5, DetectorKinds.Motion, "is a folder" },
        { "cam", "Name", "rtsp://h/x", 0, DetectorKinds.Motion, "more than 0 and at most 30" },
        { "cam", "Name", "rtsp://h/x", -1, DetectorKinds.Motion, "more than 0 and at most 30" },
        { "cam", "Name", "rtsp://h/x", 30.5, DetectorKinds.Motion, "more than 0 and at most 30" },
        { "cam", "Name", "rtsp://h/x", double.NaN, DetectorKinds.Motion, "more than 0 and at most 30" },
        { "cam", "Name", "rtsp://h/x", 5, "yolo", "unknown detector 'yolo'; use one of motion, hog, onnx" },
    };

    [Theory]
    [MemberData(nameof(InvalidSpecs))]
    public void An_invalid_camera_is_refused_with_a_message_that_says_why(
        string id, string name, string source, double sampleRate, string detector, string expected)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => CameraSpecValidator.Validate(new CameraSpec(id, name, source, sampleRate, detector)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-leak", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registry_stores_and_announces_nothing_for_an_invalid_camera()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await RegistryHarness.StartAsync(_temp.PathOf("site.db"));

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(
            () => harness.Registry.AddAsync(new CameraSpec("cam", "Name", "rtsp://h/x", SampleRate: 31), ct));
        Assert.Contains("at most 30", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentNullException>(() => harness.Registry.AddAsync(null!, ct));
        Assert.Empty(await harness.Registry.ListAsync(ct));
        Assert.False(await harness.Bus.Published.Any<CameraAdded>(ct));
    }

    [Fact]
    public async Task The_highest_sample_rate_is_accepted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await RegistryHarness.StartAsync(_temp.PathOf("site.db"));
        var added = await harness.Registry.AddAsync(new CameraSpec("fast", "Fast", "rtsp://h/x", CameraSpec.MaxSampleRate), ct);
        Assert.Equal(CameraSpec.MaxSampleRate, added.SampleRate);
    }

    [Theory]
    [InlineData("rtsp://admin:p%2F%23%3F%40ss@10.0.0.7/s", "rtsp://***:***@10.0.0.7/s")]
    [InlineData("rtsp://admin@10.0.0.7/s?mail=ops%40example.com", "rtsp://***@10.0.0.7/s?mail=ops%40example.com")]
    public async Task Percent_encoded_credentials_are_accepted_and_masked(string source, string masked)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await RegistryHarness.StartAsync(_temp.PathOf("site.db"));
        var added = await harness.Registry.AddAsync(new CameraSpec("encoded", "Encoded", source), ct);
        Assert.Equal(masked, added.Source);
        Assert.Equal(source, harness.Registry.FindSpec("encoded")!.Source);
    }

    [Theory]
    [InlineData("rtsp://admin:1234#pw-leak-5@10.0.0.7/s")]
    [InlineData("rtsp://admin:12/pw-leak-34@10.0.0.7/s")]
    public async Task A_url_whose_credentials_cannot_be_masked_is_refused_and_appears_in_no_log_or_announcement(string source)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await RegistryHarness.StartAsync(_temp.PathOf("site.db"));

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => harness.Registry.AddAsync(new CameraSpec("leaky", "Leaky", source), ct));
        Assert.Contains("Percent-encode", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-leak", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Logs.Lines, line => line.Contains("pw-leak", StringComparison.Ordinal));
        Assert.Empty(await harness.Registry.ListAsync(ct));
        Assert.False(await harness.Bus.Published.Any<CameraAdded>(ct));

        // Had it been stored by an earlier version, views and logs would still show it masked.
        Assert.Equal("rtsp://***:***@10.0.0.7/s", StreamSourceMask.Mask(source));
    }

    [Fact]
    public async Task The_end_of_a_file_is_recorded_for_its_registration_only_and_shown_without_a_worker()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = TestVideos.WriteNumberedAvi(_temp.PathOf("ended.avi"), frames: 3, fps: 10);
        await using var harness = await RegistryHarness.StartAsync(_temp.PathOf("site.db"));
        var added = await harness.Registry.AddAsync(new CameraSpec("ended", "Ended", file, Paced: false), ct);
        var lastFrame = added.AddedAt + TimeSpan.FromMilliseconds(200);
        var final = new CameraHealth(CameraState.Ended, 9, 9, TimeSpan.Zero, 1, "truncated", added.AddedAt, lastFrame, 3, 0);

        Assert.False(harness.Registry.RecordEnded("ended", added.AddedAt - TimeSpan.FromSeconds(1), final), "an earlier registration of the same id");
        Assert.Equal(CameraHealth.NotStarted, (await harness.Registry.GetAsync("ended", ct))!.Health);
        Assert.True(harness.Registry.RecordEnded("ended", added.AddedAt, final));

        var health = (await harness.Registry.GetAsync("ended", ct))!.Health;
        Assert.Equal((CameraState.Ended, 3L, lastFrame, "truncated", 0.0), (health.State, health.FramesPublished, health.LastFrameAt, health.LastError, health.FramesPerSecondIn));
        Assert.NotNull(harness.Registry.Find("ended")!.EndedHealth);

        // Removed and added again, it is a new registration that has not ended.
        Assert.True(await harness.Registry.RemoveAsync("ended", ct));
        await harness.Registry.AddAsync(new CameraSpec("ended", "Ended", file, Paced: false), ct);
        Assert.Null(harness.Registry.Find("ended")!.EndedHealth);
        Assert.Equal(CameraHealth.NotStarted, (await harness.Registry.GetAsync("ended", ct))!.Health);
    }

    [Fact]
    public async Task A_registry_table_made_by_the_earlier_version_gets_the_new_column_and_keeps_its_cameras()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = new SiteDatabase(_temp.PathOf("old.db"));
        database.Execute("""
            CREATE TABLE frame_ingest_cameras (
                id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, source TEXT NOT NULL, sample_rate REAL NOT NULL,
                detector TEXT NOT NULL, loop INTEGER NOT NULL, paced INTEGER NOT NULL, added_at INTEGER NOT NULL) STRICT;
            INSERT INTO frame_ingest_cameras VALUES ('old', 'Old', 'rtsp://10.0.0.9/s', 5, 'motion', 0, 1, 1764300000000);
            """);

        await using var harness = await RegistryHarness.StartAsync(database.FilePath);
        var old = Assert.Single(await harness.Registry.ListAsync(ct));
        Assert.Equal(("old", DateTimeOffset.FromUnixTimeMilliseconds(1764300000000)), (old.Id, old.AddedAt));
        Assert.True(harness.Registry.RecordEnded("old", old.AddedAt, CameraHealth.NotStarted with { State = CameraState.Ended }));
        Assert.Equal(CameraState.Ended, (await harness.Registry.GetAsync("old", ct))!.Health.State);
    }
}
