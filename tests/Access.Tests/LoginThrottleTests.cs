using System.Net;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Access.Tests;

/// <summary>Repeated login failures lock the user name and the client address out, refusing even the right password until the lockout ends.</summary>
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

    [Fact]
    public void The_throttle_tracks_a_bounded_number_of_names_and_addresses()
    {
        var throttle = new LoginThrottle(Options.Create(new AccessOptions { LoginThrottleMaxTracked = 100 }), Server.Time);

        for (var i = 0; i < 1000; i++)
            throttle.RecordFailure($"name-{i}", $"10.0.{i / 250}.{i % 250}");

        Assert.True(throttle.Tracked <= 200, $"{throttle.Tracked} entries tracked.");
    }
}
