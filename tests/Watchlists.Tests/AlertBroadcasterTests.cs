using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Watchlists.Tests;

/// <summary>Each alert client has its own bounded queue: a slow one loses live hits (counted), never slowing the publisher or the others.</summary>
public sealed class AlertBroadcasterTests : IDisposable
{
    private readonly TestServices _services = new();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void ASlowSubscriberNeverHoldsUpPublishingOrTheOthers()
    {
        using var broadcaster = new AlertBroadcaster(TestServices.Options(o => o.SubscriberBuffer = 8), _services.Metrics);
        using var slow = broadcaster.TrySubscribe(CameraScope.Everything, "user:olivia", out _)!;
        using var fast = broadcaster.TrySubscribe(CameraScope.Everything, "user:olivia", out _)!;
        var received = new List<long>();

        // The slow client never reads; publishing goes on (it cannot wait: it is synchronous) and the fast client gets everything.
        for (var id = 1; id <= 1000; id++)
        {
            broadcaster.Publish(Hit(id, "cam-a"));
            while (fast.Reader.TryRead(out var hit))
                received.Add(hit.Id);
        }

        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), received);
        Assert.Equal(992, slow.TakeMissed());
        Assert.Equal(0, slow.TakeMissed()); // taken
        Assert.Equal(992, _services.Metrics.AlertsDropped);
        var kept = new List<long>();
        while (slow.Reader.TryRead(out var hit))
            kept.Add(hit.Id);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), kept);
    }

    [Fact]
    public void ASubscriberGetsOnlyHitsOfItsCameras()
    {
        using var broadcaster = new AlertBroadcaster(TestServices.Options(_ => { }), _services.Metrics);
        using var lobby = broadcaster.TrySubscribe(CameraScope.Only(["lobby"]), "user:olivia", out _)!;

        broadcaster.Publish(Hit(1, "entrance"));
        broadcaster.Publish(Hit(2, "lobby"));

        Assert.True(lobby.Reader.TryRead(out var only));
        Assert.Equal(2, only.Id);
        Assert.False(lobby.Reader.TryRead(out _));
    }

    [Fact]
    public void SubscribersAreLimitedCountedAndEndedWhenTheSiteStops()
    {
        var broadcaster = new AlertBroadcaster(TestServices.Options(o => o.MaxSubscribers = 2), _services.Metrics);
        var first = broadcaster.TrySubscribe(CameraScope.Everything, "user:olivia", out _)!;
        using var second = broadcaster.TrySubscribe(CameraScope.Everything, "user:peter", out _)!;
        Assert.Null(broadcaster.TrySubscribe(CameraScope.Everything, "user:rita", out var refusal));
        Assert.Equal(SubscriptionRefusal.SiteFull, refusal);
        Assert.Equal(2, _services.Metrics.Subscribers);

        first.Dispose();
        Assert.Equal(1, _services.Metrics.Subscribers);
        using var third = broadcaster.TrySubscribe(CameraScope.Everything, "user:olivia", out _)!;
        Assert.NotNull(third);

        broadcaster.Dispose();
        Assert.True(second.Reader.Completion.IsCompleted);
        Assert.True(third.Reader.Completion.IsCompleted);
        Assert.Null(broadcaster.TrySubscribe(CameraScope.Everything, "user:olivia", out refusal));
        Assert.Equal(SubscriptionRefusal.Closed, refusal);
    }

    [Fact]
    public void OneActorHasAtMostMaxSubscribersPerActorWhileOthersAreServed()
    {
        using var broadcaster = new AlertBroadcaster(TestServices.Options(o =>
        {
            o.MaxSubscribers = 10;
            o.MaxSubscribersPerActor = 2;
        }), _services.Metrics);
        var first = broadcaster.TrySubscribe(CameraScope.Everything, "user:olivia", out _)!;
        using var second = broadcaster.TrySubscribe(CameraScope.Everything, "user:olivia", out _)!;

        Assert.Null(broadcaster.TrySubscribe(CameraScope.Everything, "user:olivia", out var refusal));
        Assert.Equal(SubscriptionRefusal.ActorFull, refusal);
        using var other = broadcaster.TrySubscribe(CameraScope.Everything, "user:peter", out refusal);
        Assert.NotNull(other);
        Assert.Equal(SubscriptionRefusal.None, refusal);

        first.Dispose();
        using var again = broadcaster.TrySubscribe(CameraScope.Everything, "user:olivia", out _);
        Assert.NotNull(again);
        Assert.Equal(3, broadcaster.Count);
    }

    [Fact]
    public void ASubscriptionsNewScopeAppliesToTheNextHits()
    {
        using var broadcaster = new AlertBroadcaster(TestServices.Options(_ => { }), _services.Metrics);
        using var subscription = broadcaster.TrySubscribe(CameraScope.Only(["lobby", "entrance"]), "user:rita", out _)!;

        broadcaster.Publish(Hit(1, "entrance"));
        subscription.Scope = CameraScope.Only(["lobby"]);
        broadcaster.Publish(Hit(2, "entrance"));
        broadcaster.Publish(Hit(3, "lobby"));

        var received = new List<long>();
        while (subscription.Reader.TryRead(out var hit))
            received.Add(hit.Id);
        Assert.Equal([1L, 3], received);
    }

    private static WatchlistHit Hit(long id, string camera) =>
        new(id, "wl-0000000000000001", "test", $"{camera}.{id}.0", camera, id, TestCrops.Start, 4, 0.5, TestCrops.Start);
}
