using VfeTps.Stream.Contracts;
using VfeTps.Stream.PersonCrop.BestShots;

namespace VfeTps.Stream.PersonCrop.Tests.BestShots;

public sealed class BestShotPolicyTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static readonly BestShotOptions Options = new()
    {
        MaxShotsPerTrack = 3,
        MinQualityGain = 0.1,
        MinShotInterval = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public void Nothing_is_emitted_before_confirmation_then_the_best_candidate_so_far_at_once()
    {
        var policy = new BestShotPolicy(Options);

        Assert.Null(policy.Observe(Candidate(0, 0.3f), confirmed: false));
        Assert.Null(policy.Observe(Candidate(1, 0.6f), confirmed: false));
        var first = policy.Observe(Candidate(2, 0.4f), confirmed: true);

        Assert.NotNull(first);
        Assert.Equal(0, first.ShotIndex);
        Assert.Equal(0.6f, first.Candidate.Quality);
        Assert.Equal(At(1), first.Candidate.CaptureTime);
    }

    [Fact]
    public void A_later_shot_needs_a_clear_gain_and_the_minimum_interval()
    {
        var policy = new BestShotPolicy(Options);
        Assert.NotNull(policy.Observe(Candidate(0, 0.5f), confirmed: true));

        Assert.Null(policy.Observe(Candidate(1, 0.55f), confirmed: true)); // not clearly better
        Assert.Null(policy.Observe(Candidate(2, 0.7f), confirmed: true)); // clearly better, but only 0.4 s later
        var second = policy.Observe(Candidate(5, 0.52f), confirmed: true); // 1 s later: the kept 0.7 goes out

        Assert.NotNull(second);
        Assert.Equal(1, second.ShotIndex);
        Assert.Equal(0.7f, second.Candidate.Quality);
        Assert.Equal(At(2), second.Candidate.CaptureTime);
    }

    [Fact]
    public void A_steady_track_gives_one_shot_however_long_it_lives()
    {
        var policy = new BestShotPolicy(Options);

        var shots = Enumerable.Range(0, 300).Select(i => policy.Observe(Candidate(i, 0.5f + (0.0001f * (i % 7))), confirmed: true)).OfType<ChosenShot>().ToList();

        Assert.Single(shots);
        Assert.Null(policy.End());
    }

    [Fact]
    public void No_track_gets_more_than_MaxShotsPerTrack_and_shots_come_in_order_of_rising_quality()
    {
        var policy = new BestShotPolicy(Options);
        var shots = new List<ChosenShot>();
        for (var i = 0; i < 100; i++)
        {
            // Quality climbs steadily: every interval there is a clearly better candidate.
            if (policy.Observe(Candidate(i, 0.1f + (0.009f * i)), confirmed: true) is { } shot)
                shots.Add(shot);
        }

        Assert.Null(policy.End());
        Assert.Equal(Options.MaxShotsPerTrack, shots.Count);
        Assert.Equal([0, 1, 2], shots.Select(shot => shot.ShotIndex));
        Assert.True(shots.Zip(shots.Skip(1)).All(pair => pair.Second.Candidate.Quality >= pair.First.Candidate.Quality + Options.MinQualityGain));
        Assert.True(shots.Zip(shots.Skip(1)).All(pair => pair.Second.Candidate.CaptureTime > pair.First.Candidate.CaptureTime));
        Assert.True(policy.IsComplete);
    }

    [Fact]
    public void At_the_end_the_best_unemitted_candidate_goes_out_only_if_clearly_better()
    {
        var better = new BestShotPolicy(Options);
        better.Observe(Candidate(0, 0.4f), confirmed: true);
        better.Observe(Candidate(1, 0.8f), confirmed: true); // too soon for a shot while alive

        var slightlyBetter = new BestShotPolicy(Options);
        slightlyBetter.Observe(Candidate(0, 0.4f), confirmed: true);
        slightlyBetter.Observe(Candidate(1, 0.45f), confirmed: true);

        var last = better.End();
        Assert.NotNull(last);
        Assert.Equal((1, 0.8f), (last.ShotIndex, last.Candidate.Quality));
        Assert.Null(slightlyBetter.End());
    }

    [Fact]
    public void A_track_never_confirmed_emits_nothing_even_when_it_ends()
    {
        var policy = new BestShotPolicy(Options);
        policy.Observe(Candidate(0, 0.9f), confirmed: false);

        Assert.Null(policy.End());
        Assert.Equal(0, policy.EmittedCount);
    }

    [Fact]
    public void With_one_shot_allowed_the_first_is_the_only_one()
    {
        var policy = new BestShotPolicy(new BestShotOptions { MaxShotsPerTrack = 1, MinShotInterval = TimeSpan.Zero });
        Assert.NotNull(policy.Observe(Candidate(0, 0.2f), confirmed: true));

        Assert.Null(policy.Observe(Candidate(10, 0.99f), confirmed: true));
        Assert.Null(policy.End());
    }

    [Fact]
    public void Only_a_pending_candidate_that_could_still_be_emitted_is_worth_keeping_pixels_for()
    {
        var policy = new BestShotPolicy(Options);
        var tentative = Candidate(0, 0.3f);
        policy.Observe(tentative, confirmed: false);
        Assert.Same(tentative, policy.Pending);
        Assert.True(policy.PendingCouldBeEmitted); // the first shot will be the best before confirmation

        policy.Observe(Candidate(1, 0.5f), confirmed: true); // shot 0 goes out at once
        Assert.Null(policy.Pending);
        Assert.False(policy.PendingCouldBeEmitted);

        var slightlyBetter = Candidate(2, 0.55f);
        policy.Observe(slightlyBetter, confirmed: true);
        Assert.Same(slightlyBetter, policy.Pending);
        Assert.False(policy.PendingCouldBeEmitted); // not 0.1 better than shot 0: never a shot by itself
        Assert.Null(policy.End());

        var clearlyBetter = new BestShotPolicy(Options);
        clearlyBetter.Observe(Candidate(0, 0.5f), confirmed: true);
        clearlyBetter.Observe(Candidate(1, 0.7f), confirmed: true); // too soon to go out while alive
        Assert.True(clearlyBetter.PendingCouldBeEmitted);
        Assert.Equal(0.7f, clearlyBetter.End()!.Candidate.Quality);
    }

    private static DateTimeOffset At(int frame) => Start.AddMilliseconds(200 * frame);

    private static ShotCandidate Candidate(int frame, float quality) => new(At(frame), new BoundingBox(10, 10, 40, 100), quality);
}
