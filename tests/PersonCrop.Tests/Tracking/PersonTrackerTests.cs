using VfeTps.Stream.Contracts;
using VfeTps.Stream.PersonCrop.Detection;
using VfeTps.Stream.PersonCrop.Tracking;

namespace VfeTps.Stream.PersonCrop.Tests.Tracking;

public sealed class PersonTrackerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_track_is_confirmed_on_its_MinHits_th_detection_and_keeps_its_id()
    {
        var tracker = new PersonTracker(new TrackerOptions { MinHits = 3 });
        var updates = Enumerable.Range(0, 4).Select(i => tracker.Update([Person(100 + (4 * i), 50)], At(i))).ToList();

        var observations = updates.Select(update => Assert.Single(update.Observed)).ToList();
        Assert.Single(observations.Select(o => o.TrackId).Distinct());
        Assert.Equal([false, false, true, true], observations.Select(o => o.Confirmed));
        Assert.Equal([false, false, true, false], observations.Select(o => o.JustConfirmed));
    }

    [Fact]
    public void A_track_ends_after_MaxMissedFrames_consecutive_misses_not_before()
    {
        var tracker = new PersonTracker(new TrackerOptions { MinHits = 2, MaxMissedFrames = 3 });
        tracker.Update([Person(100, 50)], At(0));
        var id = Assert.Single(tracker.Update([Person(104, 50)], At(1)).Observed).TrackId;

        Assert.Empty(tracker.Update([], At(2)).Ended);
        Assert.Empty(tracker.Update([], At(3)).Ended);
        var ended = Assert.Single(tracker.Update([], At(4)).Ended);

        Assert.Equal(new EndedTrack(id, WasConfirmed: true), ended);
        Assert.Equal(0, tracker.ActiveTrackCount);
    }

    [Fact]
    public void A_miss_shorter_than_the_limit_does_not_break_the_track()
    {
        var tracker = new PersonTracker(new TrackerOptions { MinHits = 1, MaxMissedFrames = 3 });
        var first = Assert.Single(tracker.Update([Person(100, 50)], At(0)).Observed).TrackId;
        tracker.Update([], At(1));
        tracker.Update([], At(2));

        var again = Assert.Single(tracker.Update([Person(104, 50)], At(3)).Observed);

        Assert.Equal(first, again.TrackId);
    }

    [Fact]
    public void Two_people_keep_their_own_tracks_and_a_newcomer_gets_a_new_one()
    {
        var tracker = new PersonTracker(new TrackerOptions { MinHits = 1 });
        var start = tracker.Update([Person(50, 40), Person(200, 40)], At(0)).Observed;
        var next = tracker.Update([Person(206, 40), Person(56, 40), Person(400, 40)], At(1)).Observed;

        var left = start.Single(o => o.Box.X == 50).TrackId;
        var right = start.Single(o => o.Box.X == 200).TrackId;
        Assert.Equal(left, next.Single(o => o.Box.X == 56).TrackId);
        Assert.Equal(right, next.Single(o => o.Box.X == 206).TrackId);
        var newcomer = next.Single(o => o.Box.X == 400).TrackId;
        Assert.DoesNotContain(newcomer, new[] { left, right });
    }

    [Fact]
    public void Constant_velocity_prediction_finds_a_walker_again_after_missed_frames()
    {
        // 20 px per frame with a 40 px wide box; unseen for two frames, the person reappears 60 px on,
        // where the last box does not overlap at all: only the predicted box can associate them.
        var options = new TrackerOptions { MinHits = 1, MinIou = 0.3, MaxMissedFrames = 5 };
        var tracker = new PersonTracker(options);
        var ids = Enumerable.Range(0, 4).Select(i => Assert.Single(tracker.Update([Person(20 * i, 40)], At(i)).Observed).TrackId).ToList();
        tracker.Update([], At(4));
        tracker.Update([], At(5));

        var again = Assert.Single(tracker.Update([Person(120, 40)], At(6)).Observed);

        Assert.Single(ids.Distinct());
        Assert.Equal(ids[0], again.TrackId);
        Assert.Equal(0, Person(60, 40).Box.IntersectionOverUnion(Person(120, 40).Box));
    }

    [Fact]
    public void Each_detection_is_given_to_at_most_one_track_best_overlap_first()
    {
        var tracker = new PersonTracker(new TrackerOptions { MinHits = 1, MinIou = 0.1 });
        var first = tracker.Update([Person(100, 40), Person(130, 40)], At(0)).Observed;

        // One detection between the two tracks, nearer the second.
        var next = Assert.Single(tracker.Update([Person(122, 40)], At(1)).Observed);

        Assert.Equal(first.Single(o => o.Box.X == 130).TrackId, next.TrackId);
    }

    [Fact]
    public void Track_ids_come_from_the_first_capture_time_and_count_tracks_started_in_that_millisecond()
    {
        var tracker = new PersonTracker(new TrackerOptions());
        var observed = tracker.Update([Person(10, 10), Person(100, 10), Person(200, 10)], At(0)).Observed;

        var expected = Start.ToUnixTimeMilliseconds() * 100;
        Assert.Equal([expected, expected + 1, expected + 2], observed.Select(o => o.TrackId));
        Assert.All(observed, o => Assert.Equal(Start, TrackIds.FirstCaptureOf(o.TrackId)));
    }

    [Fact]
    public void The_same_frames_give_the_same_ids_and_a_restart_later_gives_new_ones()
    {
        static IReadOnlyList<long> Run(DateTimeOffset start)
        {
            var tracker = new PersonTracker(new TrackerOptions { MinHits = 1 });
            return tracker.Update([Person(10, 10), Person(100, 10)], start).Observed.Select(o => o.TrackId).ToList();
        }

        Assert.Equal(Run(Start), Run(Start));
        Assert.Empty(Run(Start).Intersect(Run(Start.AddMilliseconds(1))));
    }

    [Fact]
    public void More_new_people_in_one_millisecond_than_the_id_scheme_allows_are_not_tracked()
    {
        var tracker = new PersonTracker(new TrackerOptions { MinHits = 1 });
        var crowd = Enumerable.Range(0, TrackIds.MaxPerMillisecond + 5).Select(i => Person(i * 50, 10)).ToList();

        var observed = tracker.Update(crowd, At(0)).Observed;

        Assert.Equal(TrackIds.MaxPerMillisecond, observed.Count);
        Assert.Equal(TrackIds.MaxPerMillisecond, observed.Select(o => o.TrackId).Distinct().Count());
    }

    [Fact]
    public void EndAll_reports_every_live_track_once()
    {
        var tracker = new PersonTracker(new TrackerOptions { MinHits = 2 });
        tracker.Update([Person(10, 10), Person(200, 10)], At(0));
        tracker.Update([Person(12, 10)], At(1));

        var ended = tracker.EndAll();

        Assert.Equal(2, ended.Count);
        Assert.Equal(1, ended.Count(track => track.WasConfirmed));
        Assert.Empty(tracker.EndAll());
    }

    [Fact]
    public void Ids_refuse_times_before_1970_and_ordinals_out_of_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TrackIds.Create(DateTimeOffset.UnixEpoch.AddMilliseconds(-1), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrackIds.Create(Start, TrackIds.MaxPerMillisecond));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrackIds.Create(Start, -1));
        Assert.Equal(Start.AddMilliseconds(7), TrackIds.FirstCaptureOf(TrackIds.Create(Start.AddMilliseconds(7), 99)));
    }

    private static DateTimeOffset At(int frame) => Start.AddMilliseconds(200 * frame);

    private static PersonDetection Person(int x, int y) => new(new BoundingBox(x, y, 40, 100), 0.9f);
}
