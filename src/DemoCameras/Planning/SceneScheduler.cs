using SkiaSharp;
using VfeTps.Stream.SynthPedes;

namespace VfeTps.Stream.DemoCameras;

/// <summary>
/// Decides who walks where and when. Every person visits 1–3 cameras, one after another with time to walk between
/// them; on each camera a walk is placed as near as possible to a spread-out wish time such that at most
/// <see cref="SceneOptions.MaxPeopleInView"/> people are in view and no two figures touch (a gap of a tenth of a
/// figure height stays between them), so a simple tracker never has to separate two people. Nobody is in view in
/// the first or the last frame, so a looped video does not jump.
/// </summary>
internal static class SceneScheduler
{
    private const int StreamVisits = 0x5C1;
    private const int StreamWalk = 0x5C2;
    private const int StreamTimes = 0x5C3;
    private const int MaxVisits = 3;
    private const int PathAttempts = 4;
    private const int FirstVisitPathAttempts = 24;
    private const float GapShare = 0.1f;

    /// <summary>How many complete schedules are tried (each from other seeds, every second one packed) before giving up.</summary>
    private const int Tries = 16;

    public static List<PlannedWalk> Schedule(SceneOptions options, StreetGeometry street, IReadOnlyList<SceneIdentity> cast)
    {
        for (var attempt = 0; attempt < Tries; attempt++)
        {
            // Spread walks over the timeline first; packed schedules (each walk as early as it fits) leave bigger gaps.
            if (TrySchedule(options, street, cast, attempt, packed: attempt % 2 == 1) is { } walks)
            {
                return [.. walks.OrderBy(w => w.CameraNumber).ThenBy(w => w.StartFrame).ThenBy(w => w.Person.PersonId)];
            }
        }

        throw new InvalidOperationException(
            $"The scene is too crowded: {options.IdentityCount} people do not all fit on {options.CameraCount} camera(s) of {options.DurationSeconds} s "
            + $"with at most {options.MaxPeopleInView} in view and nobody touching. Use fewer identities, more people in view, more cameras or a longer duration.");
    }

    /// <summary>One schedule, or null when someone's first visit finds no free time.</summary>
    private static List<PlannedWalk>? TrySchedule(SceneOptions options, StreetGeometry street, IReadOnlyList<SceneIdentity> cast, int attempt, bool packed)
    {
        var fps = options.FramesPerSecond;
        var occupancy = new List<SKRect>[options.CameraCount, options.FrameCount];
        var visits = cast.Select(person => PlanVisits(options, person, attempt)).ToList();
        var lastEnd = new int[cast.Count];
        var walks = new List<PlannedWalk>();
        for (var round = 0; round < MaxVisits; round++)
        {
            var order = Enumerable.Range(0, cast.Count).Where(i => visits[i].Count > round).ToArray();
            var times = SeedMixer.Create(options.Seed, StreamTimes, round, attempt);
            times.Shuffle(order);
            for (var slot = 0; slot < order.Length; slot++)
            {
                var i = order[slot];
                var person = cast[i];
                // Stratified wishes: each round's walks spread over that round's share of the timeline.
                var wish = packed ? 0 : (slot + times.NextDouble()) / order.Length;
                var window = packed ? 0 : (round + wish) / visits[i].Count;
                var earliest = round == 0 ? 1 : lastEnd[i] + (int)Math.Round(fps * (2 + (4 * times.NextDouble())));
                var placed = TryPlace(options, street, occupancy, person, visits[i][round], round, attempt, earliest, window);
                if (placed is not null)
                {
                    walks.Add(placed);
                    lastEnd[i] = placed.EndFrame;
                }
                else if (round == 0)
                {
                    return null;
                }
            }
        }

        return walks;
    }

    /// <summary>Which cameras the person visits, in order (1–3 different ones, fewer when the scene has fewer).</summary>
    private static List<int> PlanVisits(SceneOptions options, SceneIdentity person, int attempt)
    {
        var random = SeedMixer.Create(options.Seed, StreamVisits, person.PersonId, attempt);
        var ticket = random.NextDouble();
        var count = options.CameraCount switch
        {
            1 => 1,
            2 => ticket < 0.35 ? 1 : 2,
            _ => ticket < 0.25 ? 1 : ticket < 0.7 ? 2 : 3,
        };
        var cameras = Enumerable.Range(1, options.CameraCount).ToArray();
        random.Shuffle(cameras);
        return [.. cameras.Take(count)];
    }

    private static PlannedWalk? TryPlace(
        SceneOptions options, StreetGeometry street, List<SKRect>[,] occupancy, SceneIdentity person, int camera, int round, int attempt, int earliest, double window)
    {
        // A person's first visit must happen: try many walks (another direction, depth or pace often fits).
        var tries = round == 0 ? FirstVisitPathAttempts : PathAttempts;
        for (var pathTry = 0; pathTry < tries; pathTry++)
        {
            var random = SeedMixer.Create(options.Seed, StreamWalk, person.PersonId, (attempt * 256) + (round * 64) + pathTry);
            var path = WalkPath.Sample(street, person.Attributes, options.FramesPerSecond, random);
            // The walk's first and last frames show nobody; they may touch the video's first and last frame.
            var latest = options.FrameCount - path.FrameCount;
            if (latest < earliest)
            {
                continue;
            }

            var wish = earliest + (int)Math.Round(window * (latest - earliest));
            var visible = Enumerable.Range(0, path.FrameCount).Select(offset => PlannedWalk.Visible(path.BoxAt(offset), street) is not null).ToArray();
            for (var step = 0; step <= 2 * (latest - earliest); step++)
            {
                // wish, wish+1, wish-1, wish+2, … within [earliest, latest]
                var start = wish + (step % 2 == 1 ? (step + 1) / 2 : -(step / 2));
                if (start < earliest || start > latest || !Fits(options, occupancy, camera - 1, path, visible, start))
                {
                    continue;
                }

                for (var offset = 0; offset < path.FrameCount; offset++)
                {
                    if (visible[offset])
                    {
                        (occupancy[camera - 1, start + offset] ??= []).Add(path.BoxAt(offset));
                    }
                }

                return new PlannedWalk(person, camera, path, start);
            }
        }

        return null;
    }

    private static bool Fits(SceneOptions options, List<SKRect>[,] occupancy, int camera, WalkPath path, bool[] visible, int start)
    {
        for (var offset = 0; offset < path.FrameCount; offset++)
        {
            if (!visible[offset] || occupancy[camera, start + offset] is not { } others)
            {
                continue;
            }

            if (others.Count >= options.MaxPeopleInView)
            {
                return false;
            }

            var box = path.BoxAt(offset);
            foreach (var other in others)
            {
                var gap = GapShare * MathF.Max(box.Height, other.Height);
                if (box.Left - gap < other.Right && other.Left < box.Right + gap)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
