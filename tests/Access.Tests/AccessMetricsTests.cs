using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Access.Tests;

/// <summary>The "VfeTps.Stream.Access" meter counts logins by outcome, throttled logins, rate-limited requests and denials.</summary>
public sealed class AccessMetricsTests : AccessServerTest
{
    internal override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Access:SearchBurst"] = "1",
        ["Access:SearchRequestsPerMinute"] = "1",
        ["Access:LoginMaxFailures"] = "2",
    };

    [Fact]
    public async Task Logins_throttling_rate_limits_and_denials_are_counted()
    {
        using var listener = new MeterListener();
        var counts = new ConcurrentDictionary<string, long>();
        var factory = Server.Service<IMeterFactory>();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == AccessMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                meterListener.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var outcome = tags.ToArray().FirstOrDefault(tag => tag.Key == "outcome").Value;
            counts.AddOrUpdate(outcome is null ? instrument.Name : $"{instrument.Name}:{outcome}", value, (_, total) => total + value);
        });
        listener.Start();
        await Server.SeedUserAsync("alice", [SiteRoles.Operator]);

        await Server.LoginAsync("alice");
        await Server.LoginResponseAsync("alice", "wrong password one");
        await Server.LoginResponseAsync("alice", "wrong password two");
        await Server.LoginResponseAsync("alice", TestPasswords.Default);
        await Server.SendAsync(HttpMethod.Post, "/api/auth/login", json: "{}");
        // From another address: the failures above locked this one out too.
        var session = Credential.Session(await Server.LoginAsync("admin", Server.AdminPassword, clientAddress: "192.0.2.99"));
        await Server.SendAsync(HttpMethod.Post, "/test/search", session);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Server.SendAsync(HttpMethod.Post, "/test/search", session)).StatusCode);
        var (_, mlKey) = await Server.SeedKeyAsync("alice", [SiteRoles.Ml]);
        await Server.SendAsync(HttpMethod.Get, "/test/operator", Credential.Key(mlKey));

        Assert.Equal(2, counts.GetValueOrDefault("vfetps.access.logins:succeeded"));
        Assert.Equal(2, counts.GetValueOrDefault("vfetps.access.logins:failed"));
        Assert.Equal(1, counts.GetValueOrDefault("vfetps.access.logins:throttled"));
        Assert.Equal(1, counts.GetValueOrDefault("vfetps.access.logins:invalid"));
        Assert.Equal(1, counts.GetValueOrDefault("vfetps.access.logins.throttled"));
        Assert.Equal(1, counts.GetValueOrDefault("vfetps.access.rate_limited"));
        Assert.Equal(1, counts.GetValueOrDefault("vfetps.access.denied"));
    }
}
