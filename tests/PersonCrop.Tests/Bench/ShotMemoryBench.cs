using System.Diagnostics;
using OpenCvSharp;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.PersonCrop.BestShots;
using VfeTps.Stream.PersonCrop.Cropping;
using VfeTps.Stream.PersonCrop.Detection;
using VfeTps.Stream.PersonCrop.Tests.Support;
using VfeTps.Stream.PersonCrop.Tracking;

namespace VfeTps.Stream.PersonCrop.Tests.Bench;

public sealed class ShotMemoryBench
{
    [Fact]
    public void Measure()
    {
        var output = new List<string>();
        var options = new PersonCropOptions();
        using var factory = new DetectorFactory(options);
        using var detector = factory.Create("motion");
        var tracker = new PersonTracker(options.Tracker);
        var policies = new Dictionary<long, (BestShotPolicy Policy, ShotCandidate? Pending)>();
        using var capture = new VideoCapture(DemoVideo.RequirePath());
        using var mat = new Mat();
        var start = DateTimeOffset.UnixEpoch.AddDays(20000);
        int frames = 0; long pendingEvents = 0, observations = 0, emitted = 0; long sumDistinct = 0; int maxDistinct = 0; long sumPending = 0; int maxPending = 0;
        long sumCropBytes = 0; long maxCropBytesTotal = 0;
        VideoFrame? sample = null; int framesWithNewPending = 0; var survivors = Enumerable.Range(0, 6).Select(_ => new HashSet<VideoFrame>()).ToArray();
        while (capture.Read(mat) && !mat.Empty())
        {
            var frame = DemoVideo.ToFrame(mat);
            sample ??= frame;
            var time = start.AddMilliseconds(100 * frames);
            var update = tracker.Update(detector.Detect(frame), time);
            using (var image = FrameMats.Wrap(frame))
            {
                foreach (var seen in update.Observed)
                {
                    observations++;
                    if (!policies.TryGetValue(seen.TrackId, out var entry))
                        entry = (new BestShotPolicy(options.BestShots), null);
                    if (entry.Policy.IsComplete) { policies[seen.TrackId] = (entry.Policy, null); continue; }
                    var q = ShotQualityScorer.Score(image, seen.Box, seen.Score, options.BestShots);
                    var c = new ShotCandidate(time, seen.Box, q.Total, frame);
                    var shot = entry.Policy.Observe(c, seen.Confirmed);
                    if (shot is not null) { emitted++; entry.Pending = null; }
                    else if (entry.Pending is null || c.Quality > entry.Pending.Quality) { entry.Pending = c; pendingEvents++; }
                    policies[seen.TrackId] = entry;
                }
            }
            foreach (var e in update.Ended) policies.Remove(e.TrackId);
            foreach (var p in policies.Values) if (p.Pending is not null) { var age = frames - (int)((p.Pending.CaptureTime - start).TotalMilliseconds / 100); for (var k = 0; k < 6; k++) if (age == k) survivors[k].Add(p.Pending.Frame); }
            if (policies.Values.Any(p => p.Pending?.Frame == frame)) framesWithNewPending++;
            var pend = policies.Values.Where(p => p.Pending is not null).Select(p => p.Pending!).ToList();
            var distinct = pend.Select(p => p.Frame).Where(f => f != frame).Distinct().Count();
            long cropBytes = pend.Sum(p => { var r = CropGeometry.WithMargin(p.Box, 0.1, frame.Width, frame.Height); return (long)r.Width * r.Height * 3; });
            sumCropBytes += cropBytes; maxCropBytesTotal = Math.Max(maxCropBytesTotal, cropBytes);
            sumDistinct += distinct; maxDistinct = Math.Max(maxDistinct, distinct);
            sumPending += pend.Count; maxPending = Math.Max(maxPending, pend.Count);
            frames++;
        }
        output.Add($"frames={frames} observations={observations} emitted={emitted} newPendingBest={pendingEvents} ({(double)pendingEvents / frames:F2}/frame)");
        output.Add($"frames with >=1 pending best created: {framesWithNewPending}; frames with a candidate still pending k frames later: {string.Join(", ", survivors.Select((h, k) => $"k={k}: {h.Count}"))}");
        output.Add($"pending candidates: mean {(double)sumPending / frames:F2} max {maxPending}; distinct held frames (besides current): mean {(double)sumDistinct / frames:F2} max {maxDistinct}; crop-region bytes mean {sumCropBytes / frames} max {maxCropBytesTotal}");

        using var small = FrameMats.Wrap(sample!);
        using var big = new Mat();
        Cv2.Resize(small, big, new Size(1920, 1080));
        foreach (var (name, m) in new[] { ("768x576", small), ("1920x1080", big) })
        {
            for (var i = 0; i < 5; i++) JpegEncoding.Encode(m, 90);
            var times = new List<double>(); int size = 0;
            for (var i = 0; i < 40; i++) { var t = Stopwatch.GetTimestamp(); size = JpegEncoding.Encode(m, 90).Length; times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds); }
            times.Sort();
            var copy = new List<double>();
            for (var i = 0; i < 40; i++) { var t = Stopwatch.GetTimestamp(); using var roi = new Mat(m, new Rect(300, 100, 60, 160)); using var cl = roi.Clone(); copy.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds); }
            copy.Sort();
            var full = new List<double>();
            for (var i = 0; i < 40; i++) { var t = Stopwatch.GetTimestamp(); var b = new byte[m.Width * m.Height * 3]; System.Runtime.InteropServices.Marshal.Copy(m.Data, b, 0, b.Length); full.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds); }
            full.Sort();
            output.Add($"{name}: jpeg q90 median {times[20]:F2} ms p90 {times[36]:F2} ms size {size / 1024} KB raw {m.Width * m.Height * 3 / 1024} KB; 60x160 crop copy median {copy[20]:F3} ms; full raw copy median {full[20]:F2} ms");
        }
        File.WriteAllLines("/tmp/personcrop-bench.txt", output);
    }
}
