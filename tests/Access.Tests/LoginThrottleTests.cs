using System.Net;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Access.Tests;

/// <summary>
/// Repeated login failures lock the user name and the client address out, refusing even the right password until
/// the lockout ends; attempts are reserved before hashing, so parallel ones cannot overrun the limit; each
/// lockout is recorded once.
/// </summary>
public sealed class LoginThrottleTests : AccessServerTest
{
    private const string Wrong = "definitely not it";
    private const string AddressA = "192.0.2.10";
    private const string AddressB = "192.0.2.20";

    [Fact]
    public async Task The_sixth_attempt_after_five_failures_is_429_even_with_the_right_password_until_the_lockout_ends()
    {
        await Server.SeedUserAsync("alice", [SiteRoles.Operator]);
        for (var attempt = 1; attempt <= 5; attempt++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Server.LoginResponseAsync("alice", Wrong, AddressA)).StatusCode);

        var locked = await Server.LoginResponseAsync("alice", TestPasswords.Default, AddressA);

        await locked.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromMinutes(1), locked.Headers.RetryAfter?.Delta);
        Assert.Null(AccessTestServer.SetCookieOf(locked));
        Server.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Server.LoginResponseAsync("alice", TestPasswords.Default, AddressA)).StatusCode);
        Server.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await Server.LoginResponseAsync("alice", TestPasswords.Default, AddressA)).StatusCode);
        Assert.Contains(Server.Audit.Of(AuditActions.LoginFailed), record => record.Detail["reason"] == "throttled" && record.Target == "alice");
    }

    [Fact]
    public async Task The_name_is_locked_from_every_address_and_case()
    {
        await Server.SeedUserAsync("alice", [SiteRoles.Operator]);
        for (var attempt = 1; attempt <= 5; attempt++)
            await Server.LoginResponseAsync(attempt % 2 == 0 ? "ALICE" : "alice", Wrong, $"198.51.100.{attempt}");

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Server.LoginResponseAsync("Alice", TestPasswords.Default, AddressB)).StatusCode);
    }

    [Fact]
    public async Task An_address_with_five_failures_over_any_names_is_locked_while_other_addresses_are_not()
    {
        await Server.SeedUserAsync("alice", [SiteRoles.Operator]);
        foreach (var name in new[] { "admin", "root", "operator", "guest", "test" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await Server.LoginResponseAsync(name, Wrong, AddressA)).StatusCode);

        var fromA = await Server.LoginResponseAsync("alice", TestPasswords.Default, AddressA);
        var fromB = await Server.LoginResponseAsync("alice", TestPasswords.Default, AddressB);

        Assert.Equal(HttpStatusCode.TooManyRequests, fromA.StatusCode);
        Assert.NotNull(fromA.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, fromB.StatusCode);
    }

    [Fact]
    public async Task Each_further_lockout_doubles()
    {
        await Server.SeedUserAsync("alice", [SiteRoles.Operator]);
        var lockouts = new List<TimeSpan?>();
        for (var round = 0; round < 6; round++)
        {
            for (var attempt = 0; attempt < 5; attempt++)
                await Server.LoginResponseAsync("alice", Wrong, $"203.0.113.{(round * 5) + attempt + 1}");
            var locked = await Server.LoginResponseAsync("alice", Wrong, AddressB);
            Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
            lockouts.Add(locked.Headers.RetryAfter?.Delta);
            Server.Time.Advance(locked.Headers.RetryAfter!.Delta!.Value);
        }

        Assert.Equal([1, 2, 4, 8, 15, 15], lockouts.Select(lockout => lockout?.TotalMinutes));
    }

    [Fact]
    public async Task A_success_clears_the_names_count()
    {
        await Server.SeedUserAsync("alice", [SiteRoles.Operator]);
        for (var attempt = 0; attempt < 4; attempt++)
            await Server.LoginResponseAsync("alice", Wrong, $"198.51.100.{attempt + 1}");
        Assert.Equal(HttpStatusCode.OK, (await Server.LoginResponseAsync("alice", TestPasswords.Default, AddressB)).StatusCode);

        await Server.LoginResponseAsync("alice", Wrong, "198.51.100.77");

        Assert.Equal(HttpStatusCode.OK, (await Server.LoginResponseAsync("alice", TestPasswords.Default, AddressB)).StatusCode);
    }

    [Fact]
    public async Task Failures_older_than_the_window_are_forgotten()
    {
        await Server.SeedUserAsync("alice", [SiteRoles.Operator]);
        for (var attempt = 0; attempt < 4; attempt++)
            await Server.LoginResponseAsync("alice", Wrong, AddressA);
        Server.Time.Advance(new AccessOptions().LoginFailureWindow);

        await Server.LoginResponseAsync("alice", Wrong, AddressA);

        Assert.Equal(HttpStatusCode.OK, (await Server.LoginResponseAsync("alice", TestPasswords.Default, AddressA)).StatusCode);
    }

    [Fact]
    public async Task Twenty_parallel_wrong_passwords_for_one_name_check_at_most_the_limit_and_the_rest_are_429_unchecked()
    {
        await Server.SeedUserAsync("alice", [SiteRoles.Operator]);
        using var measurements = new AccessMeasurements(Server);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(attempt => Server.LoginResponseAsync("alice", Wrong, $"198.51.100.{attempt + 1}")));

        var statuses = responses.Select(response => response.StatusCode).ToArray();
        Assert.Equal(5, statuses.Count(status => status == HttpStatusCode.Unauthorized));
        Assert.Equal(15, statuses.Count(status => status == HttpStatusCode.TooManyRequests));
        Assert.All(responses.Where(response => response.StatusCode == HttpStatusCode.TooManyRequests), response => Assert.NotNull(response.Headers.RetryAfter));
        Assert.Equal(5, measurements["vfetps.access.password_checks"]);
        Assert.Equal(5, Server.Audit.Of(AuditActions.LoginFailed).Count(record => record.Detail["reason"] == "wrong-password"));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Server.LoginResponseAsync("alice", TestPasswords.Default, AddressB)).StatusCode);
    }

    [Fact]
    public async Task Twenty_parallel_wrong_current_passwords_check_at_most_the_limit()
    {
        var session = await Server.SessionOfNewUserAsync("alice", SiteRoles.Operator);
        using var measurements = new AccessMeasurements(Server);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Server.SendJsonAsync(
            HttpMethod.Post, "/api/auth/password", new { currentPassword = Wrong, newPassword = "a much better passphrase" }, session)));

        var statuses = responses.Select(response => response.StatusCode).ToArray();
        Assert.Equal(5, statuses.Count(status => status == HttpStatusCode.Unauthorized));
        Assert.Equal(15, statuses.Count(status => status == HttpStatusCode.TooManyRequests));
        Assert.Equal(5, measurements["vfetps.access.password_checks"]);
        // The guesses locked the name: its lockout is recorded once, as for logins.
        var lockout = Assert.Single(Server.Audit.Of(AuditActions.LoginFailed));
        Assert.Equal(("throttled", "password-change", "alice"), (lockout.Detail["reason"], lockout.Detail["via"], lockout.Target));
    }

    [Fact]
    public async Task A_lockout_is_recorded_once_however_many_requests_it_refuses_and_the_refusals_are_counted()
    {
        await Server.SeedUserAsync("alice", [SiteRoles.Operator]);
        using var measurements = new AccessMeasurements(Server);
        for (var attempt = 0; attempt < 5; attempt++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Server.LoginResponseAsync("alice", Wrong, AddressA)).StatusCode);

        for (var attempt = 0; attempt < 50; attempt++)
            Assert.Equal(HttpStatusCode.TooManyRequests, (await Server.LoginResponseAsync("alice", attempt % 2 == 0 ? Wrong : TestPasswords.Default, AddressA)).StatusCode);

        var first = Assert.Single(Throttled());
        Assert.Equal(("alice", AuditOutcome.Refused, AddressA), (first.Target, first.Outcome, first.ClientAddress));
        Assert.Equal(("60", "60", "login"), (first.Detail["nameLockoutSeconds"], first.Detail["addressLockoutSeconds"], first.Detail["via"]));
        Assert.Equal(50, measurements["vfetps.access.logins.throttled"]);
        Assert.Equal(50, measurements["vfetps.access.logins:throttled"]);
        Assert.Equal(5, Server.Audit.Of(AuditActions.LoginFailed).Count(record => record.Detail["reason"] == "wrong-password"));

        // The next lockout (twice as long) is the next record.
        Server.Time.Advance(TimeSpan.FromSeconds(61));
        for (var attempt = 0; attempt < 5; attempt++)
            await Server.LoginResponseAsync("alice", Wrong, AddressA);
        for (var attempt = 0; attempt < 20; attempt++)
            await Server.LoginResponseAsync("alice", Wrong, AddressA);

        Assert.Equal(["60", "120"], Throttled().Select(record => record.Detail["nameLockoutSeconds"]));
    }

    [Fact]
    public async Task A_lockout_of_an_unknown_name_is_recorded_without_the_name()
    {
        for (var attempt = 0; attempt < 5; attempt++)
            await Server.LoginResponseAsync("my-secret-passphrase", Wrong, $"198.51.100.{attempt + 1}");

        var lockout = Assert.Single(Throttled());
        Assert.Equal(UnknownUserNames.Target, lockout.Target);
        Assert.Equal(Server.Service<UnknownUserNames>().HashOf("my-secret-passphrase"), lockout.Detail[UnknownUserNames.HashDetail]);
        Assert.False(lockout.Detail.ContainsKey("addressLockoutSeconds"));
        Assert.DoesNotContain("my-secret-passphrase", System.Text.Json.JsonSerializer.Serialize(Server.Audit.Records), StringComparison.Ordinal);
    }

    [Fact]
    public void A_reserved_attempt_counts_against_the_limit_until_it_ends()
    {
        var options = new AccessOptions { LoginMaxFailures = 2 };
        var tracker = new LoginFailureTracker(options, capacity: 100);
        var now = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

        Assert.Null(tracker.TryReserve("alice", now));
        Assert.Null(tracker.TryReserve("alice", now));
        Assert.Equal(LoginFailureTracker.InFlightWait, tracker.TryReserve("alice", now));
        tracker.Release("alice", now);
        Assert.Null(tracker.TryReserve("alice", now));
        Assert.Null(tracker.RecordFailure("alice", now, reserved: true));
        Assert.Equal(LoginFailureTracker.InFlightWait, tracker.TryReserve("alice", now));
        Assert.Equal(options.LoginLockout, tracker.RecordFailure("alice", now, reserved: true));
        Assert.Equal(options.LoginLockout, tracker.TryReserve("alice", now));

        // A success ends the lockout history; an attempt that checked nothing leaves no entry behind.
        Assert.Null(tracker.TryReserve("bob", now));
        tracker.RecordSuccess("bob", now);
        Assert.Null(tracker.TryReserve("carol", now));
        tracker.Release("carol", now);
        Assert.Equal(1, tracker.Count);
    }

    [Fact]
    public void Attempts_in_flight_are_not_evicted_while_idle_entries_remain()
    {
        var options = new AccessOptions();
        var tracker = new LoginFailureTracker(options, capacity: 100);
        var now = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
        for (var attempt = 0; attempt < options.LoginMaxFailures; attempt++)
            Assert.Null(tracker.TryReserve("victim", now));

        for (var i = 0; i < 10_000; i++)
            tracker.RecordFailure($"spray-{i}", now + TimeSpan.FromMilliseconds(i));

        Assert.True(tracker.Count <= 100, $"{tracker.Count} names tracked.");
        Assert.Equal(LoginFailureTracker.InFlightWait, tracker.TryReserve("victim", now + TimeSpan.FromSeconds(11)));
    }

    [Fact]
    public void Lockouts_stay_at_the_maximum_however_many_there_were()
    {
        var options = new AccessOptions { LoginMaxFailures = 1, LoginLockout = TimeSpan.FromDays(1), LoginMaxLockout = TimeSpan.FromDays(1) };
        var tracker = new LoginFailureTracker(options, capacity: 100);
        var now = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

        var lockouts = new List<TimeSpan?>();
        for (var round = 0; round < 70; round++)
        {
            var lockout = tracker.RecordFailure("alice", now);
            lockouts.Add(lockout);
            now += lockout ?? TimeSpan.Zero;
        }

        Assert.All(lockouts, lockout => Assert.Equal(TimeSpan.FromDays(1), lockout));
    }

    [Fact]
    public void The_tracker_keeps_at_most_its_capacity_and_drops_unlocked_names_before_locked_ones()
    {
        var options = new AccessOptions();
        var tracker = new LoginFailureTracker(options, capacity: 100);
        var now = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
        for (var attempt = 0; attempt < options.LoginMaxFailures; attempt++)
            tracker.RecordFailure("victim", now);

        for (var i = 0; i < 10_000; i++)
            tracker.RecordFailure($"spray-{i}", now + TimeSpan.FromMilliseconds(i));

        Assert.True(tracker.Count <= 100, $"{tracker.Count} names tracked.");
        Assert.NotNull(tracker.LockedFor("victim", now + TimeSpan.FromSeconds(30)));
    }

    private AuditRecord[] Throttled() =>
        Server.Audit.Of(AuditActions.LoginFailed).Where(record => record.Detail["reason"] == "throttled").ToArray();

    [Fact]
    public void The_throttle_tracks_a_bounded_number_of_names_and_addresses()
    {
        var throttle = new LoginThrottle(Options.Create(new AccessOptions { LoginThrottleMaxTracked = 100 }), Server.Time);

        for (var i = 0; i < 1000; i++)
            throttle.RecordFailure($"name-{i}", $"10.0.{i / 250}.{i % 250}");

        Assert.True(throttle.Tracked <= 200, $"{throttle.Tracked} entries tracked.");
    }
}
