using System.Text.Json;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.DemoCameras;

/// <summary>
/// Who appears where and when in a demo scene: its cameras, its people (SynthPedes test identities) and every walk
/// with the person's box in each frame. Written last into the scene folder as <see cref="FileName"/>, so its presence
/// marks a complete scene; it records the options that made the scene.
/// </summary>
public sealed class SceneGroundTruth
{
    public const string FileName = "ground-truth.json";

    /// <summary>Bumped whenever the same options would give different videos or ground truth.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>IoU above which a box is taken to show a ground-truth person (a detector's box is rarely tight).</summary>
    public const double DefaultMinIou = 0.3;

    private Dictionary<string, SceneAppearance[]>? _byCamera;

    public required int FormatVersion { get; init; }

    /// <summary>The options the scene was rendered with.</summary>
    public required SceneOptions Options { get; init; }

    public required IReadOnlyList<SceneCamera> Cameras { get; init; }

    /// <summary>The people, in person-id order; each appears at least once.</summary>
    public required IReadOnlyList<SceneIdentity> Identities { get; init; }

    /// <summary>Every walk, by camera and then by time.</summary>
    public required IReadOnlyList<SceneAppearance> Appearances { get; init; }

    public SceneCamera Camera(string cameraId) =>
        Cameras.FirstOrDefault(c => c.Id == cameraId) ?? throw new ArgumentException($"The scene has no camera '{cameraId}'.", nameof(cameraId));

    public SceneIdentity Identity(int personId) =>
        Identities.FirstOrDefault(i => i.PersonId == personId) ?? throw new ArgumentException($"The scene has no person {personId}.", nameof(personId));

    /// <summary>The walks of one person, over all cameras.</summary>
    public IEnumerable<SceneAppearance> AppearancesOf(int personId) => Appearances.Where(a => a.PersonId == personId);

    /// <summary>
    /// The frame of <paramref name="cameraId"/> shown <paramref name="timeOffsetSeconds"/> after the start of its video
    /// (frame n is shown at n / fps). Offsets past the end wrap around, as in looped playback.
    /// </summary>
    public int FrameAt(string cameraId, double timeOffsetSeconds)
    {
        if (!double.IsFinite(timeOffsetSeconds) || timeOffsetSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(timeOffsetSeconds), timeOffsetSeconds, "A time offset is finite and not negative.");
        }

        var camera = Camera(cameraId);
        return (int)(Math.Floor((timeOffsetSeconds * camera.FramesPerSecond) + 0.5) % camera.FrameCount);
    }

    /// <summary>The people visible in a frame, with their boxes.</summary>
    public IReadOnlyList<(int PersonId, AppearanceBox Box)> PeopleAt(string cameraId, int frame)
    {
        var list = new List<(int, AppearanceBox)>();
        foreach (var appearance in AppearancesOn(cameraId))
        {
            if (appearance.BoxAt(frame) is { } box)
            {
                list.Add((appearance.PersonId, box));
            }
        }

        return list;
    }

    /// <summary>
    /// Which person a box seen on <paramref name="cameraId"/> at <paramref name="timeOffsetSeconds"/> shows: the one
    /// whose ground-truth box overlaps it most, if that IoU is at least <paramref name="minIou"/>; otherwise null.
    /// </summary>
    public int? IdentityAt(string cameraId, double timeOffsetSeconds, BoundingBox box, double minIou = DefaultMinIou) =>
        IdentityAtFrame(cameraId, FrameAt(cameraId, timeOffsetSeconds), box, minIou);

    /// <summary>As <see cref="IdentityAt"/>, for a frame number.</summary>
    public int? IdentityAtFrame(string cameraId, int frame, BoundingBox box, double minIou = DefaultMinIou)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        ArgumentOutOfRangeException.ThrowIfLessThan(minIou, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minIou, 1.0);
        int? best = null;
        var bestIou = 0.0;
        foreach (var (personId, truth) in PeopleAt(cameraId, frame))
        {
            var iou = truth.Box.IntersectionOverUnion(box);
            if (iou >= minIou && iou > bestIou)
            {
                (best, bestIou) = (personId, iou);
            }
        }

        return best;
    }

    public string ToJson() => JsonSerializer.Serialize(this, GroundTruthJsonContext.Default.SceneGroundTruth);

    public static SceneGroundTruth FromJson(string json)
    {
        var truth = JsonSerializer.Deserialize(json, GroundTruthJsonContext.Default.SceneGroundTruth)
            ?? throw new InvalidDataException("The ground truth file holds null.");
        return truth.FormatVersion == CurrentFormatVersion
            ? truth
            : throw new InvalidDataException($"Ground truth format {truth.FormatVersion} is not the supported {CurrentFormatVersion}.");
    }

    /// <summary>Reads a ground-truth file; throws <see cref="InvalidDataException"/> for one that is not.</summary>
    public static SceneGroundTruth Read(string path)
    {
        try
        {
            return FromJson(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a demo-scene ground truth: {e.Message}", e);
        }
    }

    /// <summary>Writes atomically (a temporary file, then a rename), so a reader never sees half a file.</summary>
    public void Write(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, ToJson());
        File.Move(temporary, path, overwrite: true);
    }

    private SceneAppearance[] AppearancesOn(string cameraId)
    {
        _byCamera ??= Appearances.GroupBy(a => a.CameraId).ToDictionary(g => g.Key, g => g.ToArray());
        if (_byCamera.TryGetValue(cameraId, out var list))
        {
            return list;
        }

        _ = Camera(cameraId);
        return [];
    }
}
