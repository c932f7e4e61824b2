using VfeTps.Stream.FrameIngest.Cameras;

namespace VfeTps.Stream.FrameIngest.Tests;

/// <summary>Sampling by timestamps, the capture clock and reconnection back-off (pure logic).</summary>
public sealed class SchedulingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(25.0, 10.0, 100)]
    [InlineData(30.0, 5.0, 50)]
    [InlineData(10.0, 5.0, 50)]
    [InlineData(12.5, 5.0, 50)]
    [InlineData(7.0, 30.0, 70)]
    public void Sampling_keeps_the_target_rate_of_the_stream_clock(double fps, double rate, int expectedIn10Seconds)
    {
        var sampler = new FrameSampler(rate);
        var kept = Enumerable.Range(0, (int)Math.Round(fps * 10))
            .Select(i => T0 + TimeSpan.FromSeconds(i / fps))
            .Count(sampler.ShouldKeep);
        Assert.Equal(expectedIn10Seconds, kept);
    }

    [Fact]
    public void Sampling_restarts_its_schedule_after_a_gap_and_ignores_repeated_timestamps()
    {
        var sampler = new FrameSampler(5);
        Assert.True(sampler.ShouldKeep(T0));
        Assert.False(sampler.ShouldKeep(T0));
        Assert.False(sampler.ShouldKeep(T0.AddMilliseconds(100)));
        Assert.True(sampler.ShouldKeep(T0.AddMilliseconds(200)));
        Assert.True(sampler.ShouldKeep(T0.AddSeconds(30)));
        Assert.False(sampler.ShouldKeep(T0.AddSeconds(30.1)));
        Assert.True(sampler.ShouldKeep(T0.AddSeconds(30.2)));
    }

    [Fact]
    public void A_due_frame_that_was_not_handed_on_stays_due()
    {
        var sampler = new FrameSampler(5);
        Assert.True(sampler.IsDue(T0));

        // Publishing failed (no Kept): after reconnecting, the same frame is still due.
        Assert.True(sampler.IsDue(T0));
        sampler.Kept(T0);
        Assert.False(sampler.IsDue(T0));
        Assert.False(sampler.IsDue(T0.AddMilliseconds(100)));
        Assert.True(sampler.IsDue(T0.AddMilliseconds(200)));
    }

    [Fact]
    public void A_file_clock_starts_at_the_opening_time_and_continues_over_loops()
    {
        var clock = new CaptureClock();
        clock.Connected(live: false, frameRate: 10, T0);
        Assert.Equal(T0, clock.CaptureTimeOf(TimeSpan.Zero, T0.AddSeconds(5)));
        Assert.Equal(T0.AddSeconds(0.9), clock.CaptureTimeOf(TimeSpan.FromSeconds(0.9), T0.AddSeconds(5)));
        clock.NextPass();
        Assert.Equal(T0.AddSeconds(1), clock.CaptureTimeOf(TimeSpan.Zero, T0.AddSeconds(5)));
        Assert.Equal(T0.AddSeconds(1.5), clock.DueTimeOf(TimeSpan.FromSeconds(0.5)));

        // Reopened after a failure while ahead of the wall clock: it goes on after the last capture time.
        clock.Connected(live: false, frameRate: 10, T0.AddSeconds(0.5));
        Assert.Equal(T0.AddSeconds(1.1), clock.CaptureTimeOf(TimeSpan.Zero, T0.AddSeconds(0.5)));
    }

    [Fact]
    public void An_unlooped_file_clock_counts_from_the_registration_so_every_read_gives_the_same_times()
    {
        var registeredAt = T0;
        var first = new CaptureClock(registeredAt);
        first.Connected(live: false, frameRate: 10, T0.AddMinutes(1));
        var firstRead = new[] { 0.0, 0.1, 0.2 }.Select(seconds => first.CaptureTimeOf(TimeSpan.FromSeconds(seconds), T0.AddMinutes(1))).ToList();
        Assert.Equal([T0, T0.AddSeconds(0.1), T0.AddSeconds(0.2)], firstRead);

        // Read again by a new worker (after a restart), hours later: the same capture times.
        var again = new CaptureClock(registeredAt);
        again.Connected(live: false, frameRate: 10, T0.AddHours(3));
        Assert.Equal(firstRead, new[] { 0.0, 0.1, 0.2 }.Select(seconds => again.CaptureTimeOf(TimeSpan.FromSeconds(seconds), T0.AddHours(3))));

        // Pacing follows the wall clock from the opening, not the registration.
        var paced = new CaptureClock(registeredAt);
        paced.Connected(live: false, frameRate: 10, T0.AddHours(3));
        Assert.Equal(T0.AddHours(3).AddSeconds(0.5), paced.DueTimeOf(TimeSpan.FromSeconds(0.5)));
    }

    [Fact]
    public void An_unlooped_file_reopened_after_a_failure_repeats_no_capture_time_and_paces_only_what_is_new()
    {
        var clock = new CaptureClock(T0);
        var opened = T0.AddMinutes(1);
        clock.Connected(live: false, frameRate: 10, opened);
        for (var i = 0; i <= 5; i++)
        {
            clock.CaptureTimeOf(TimeSpan.FromSeconds(i / 10.0), opened.AddSeconds(i / 10.0));
        }

        // Reopened from its start at +10 s: the frames already handed out are due at once and keep the last
        // capture time (the sampler skips them); the first new frame is due one interval later, at its own time.
        var reopened = opened.AddSeconds(10);
        clock.Connected(live: false, frameRate: 10, reopened);
        Assert.True(clock.DueTimeOf(TimeSpan.Zero) <= reopened);
        Assert.Equal(T0.AddSeconds(0.5), clock.CaptureTimeOf(TimeSpan.Zero, reopened));
        for (var i = 1; i <= 5; i++)
        {
            Assert.True(clock.DueTimeOf(TimeSpan.FromSeconds(i / 10.0)) <= reopened);
            Assert.Equal(T0.AddSeconds(0.5), clock.CaptureTimeOf(TimeSpan.FromSeconds(i / 10.0), reopened));
        }

        Assert.Equal(reopened.AddSeconds(0.1), clock.DueTimeOf(TimeSpan.FromSeconds(0.6)));
        Assert.Equal(T0.AddSeconds(0.6), clock.CaptureTimeOf(TimeSpan.FromSeconds(0.6), reopened));
    }

    [Fact]
    public void A_file_frame_without_a_moving_timestamp_is_due_and_captured_one_interval_after_the_previous()
    {
        var clock = new CaptureClock();
        clock.Connected(live: false, frameRate: 10, T0);
        Assert.Equal(T0, clock.DueTimeOf(TimeSpan.Zero));
        Assert.Equal(T0, clock.CaptureTimeOf(TimeSpan.Zero, T0));

        // No timestamp: due when it is captured, one interval on (not at the previous frame's time).
        Assert.Equal(T0.AddSeconds(0.1), clock.DueTimeOf(null));
        Assert.Equal(T0.AddSeconds(0.1), clock.CaptureTimeOf(null, T0));

        // A repeated or earlier timestamp counts as missing.
        Assert.Equal(T0.AddSeconds(0.2), clock.DueTimeOf(TimeSpan.FromSeconds(0.1)));
        Assert.Equal(T0.AddSeconds(0.2), clock.CaptureTimeOf(TimeSpan.FromSeconds(0.1), T0));
        Assert.Equal(T0.AddSeconds(0.3), clock.DueTimeOf(TimeSpan.FromSeconds(0.05)));
        Assert.Equal(T0.AddSeconds(0.3), clock.CaptureTimeOf(TimeSpan.FromSeconds(0.05), T0));

        // A timestamp that moves on again is used as it is.
        Assert.Equal(T0.AddSeconds(0.5), clock.DueTimeOf(TimeSpan.FromSeconds(0.5)));
        Assert.Equal(T0.AddSeconds(0.5), clock.CaptureTimeOf(TimeSpan.FromSeconds(0.5), T0));
    }

    [Fact]
    public void A_live_clock_is_anchored_at_the_first_frame_and_never_runs_ahead_of_the_wall_clock()
    {
        var clock = new CaptureClock();
        clock.Connected(live: true, frameRate: 0, T0);

        // The first frame (pts 10 s) arrives at T0 + 1 s: anchor = its arrival.
        Assert.Equal(At(1000), clock.CaptureTimeOf(Ms(10_000), At(1000)));
        Assert.Equal(At(1500), clock.CaptureTimeOf(Ms(10_500), At(1700)));

        // A burst: pts 11 arrives at T0 + 1.8 s, before its mapped time (T0 + 2 s): the anchor moves back.
        Assert.Equal(At(1800), clock.CaptureTimeOf(Ms(11_000), At(1800)));
        Assert.Equal(At(2300), clock.CaptureTimeOf(Ms(11_500), At(2400)));

        // The camera restarted (pts back to 0): re-anchored at the arrival, never before the last time.
        Assert.Equal(At(3000), clock.CaptureTimeOf(TimeSpan.Zero, At(3000)));

        // No pts at all: the arrival time.
        Assert.Equal(At(4000), clock.CaptureTimeOf(null, At(4000)));

        // A reconnection anchors afresh.
        clock.Connected(live: true, frameRate: 0, At(10_000));
        Assert.Equal(At(11_000), clock.CaptureTimeOf(Ms(200), At(11_000)));
    }

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    private static DateTimeOffset At(int milliseconds) => T0 + Ms(milliseconds);

    [Fact]
    public void Backoff_has_full_jitter_below_an_exponentially_growing_ceiling_up_to_the_maximum()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 2, new Random(7));
        var ceilings = new List<TimeSpan>();
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 8; i++)
        {
            ceilings.Add(backoff.Ceiling);
            waits.Add(backoff.Next());
        }

        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], ceilings.Select(ceiling => ceiling.TotalSeconds));
        Assert.All(waits.Zip(ceilings), pair => Assert.InRange(pair.First, TimeSpan.Zero, pair.Second));
        Assert.True(waits.Distinct().Count() == waits.Count, "full jitter draws a different wait each time");

        backoff.Reset();
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Ceiling);
    }

    [Fact]
    public void Full_jitter_spreads_waits_over_the_whole_range()
    {
        var random = new Random(11);
        var waits = Enumerable.Range(0, 2000)
            .Select(_ => new ReconnectBackoff(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), 2, random).Next().TotalSeconds)
            .ToList();
        Assert.InRange(waits.Min(), 0, 0.5);
        Assert.InRange(waits.Max(), 9.5, 10);
        Assert.InRange(waits.Average(), 4.5, 5.5);
    }
}
