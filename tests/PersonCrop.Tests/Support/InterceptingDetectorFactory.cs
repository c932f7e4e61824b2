using System.Collections.Concurrent;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.PersonCrop.Detection;

namespace VfeTps.Stream.PersonCrop.Tests.Support;

/// <summary>
/// The real <see cref="DetectorFactory"/>, recording which kinds each call asked for, how often each
/// kind detected and how many detectors were disposed, and able to make a camera's detector throw on
/// chosen frames (a fault injected to test the stage; real detectors rarely fail on cue) or to hand
/// out a test double for a kind (<see cref="Substitutes"/>).
/// </summary>
internal sealed class InterceptingDetectorFactory(PersonCropOptions options) : IPersonDetectorFactory, IDisposable
{
    private readonly DetectorFactory _real = new(options);
    private readonly ConcurrentQueue<string> _requested = new();
    private readonly ConcurrentDictionary<string, int> _detections = new(StringComparer.Ordinal);
    private int _disposed;

    public IReadOnlyList<string> Requested => [.. _requested];

    /// <summary>Zero-based call numbers (per detector instance) on which Detect throws.</summary>
    public HashSet<int> FailingCalls { get; } = [];

    /// <summary>Detectors to hand out instead of the real ones, by kind.</summary>
    public ConcurrentDictionary<string, Func<IPersonDetector>> Substitutes { get; } = new(StringComparer.Ordinal);

    /// <summary>Detectors disposed so far.</summary>
    public int Disposed => Volatile.Read(ref _disposed);

    /// <summary>Frames that detectors of <paramref name="kind"/> have been given (counted as Detect is entered).</summary>
    public int DetectionsOf(string kind) => _detections.GetValueOrDefault(kind);

    public IPersonDetector Create(string kind)
    {
        _requested.Enqueue(kind);
        var detector = Substitutes.TryGetValue(kind, out var substitute) ? substitute() : _real.Create(kind);
        return new Faulty(detector, this);
    }

    public void Dispose() => _real.Dispose();

    private sealed class Faulty(IPersonDetector inner, InterceptingDetectorFactory factory) : IPersonDetector
    {
        private int _calls;

        public string Kind => inner.Kind;

        public IReadOnlyList<PersonDetection> Detect(VideoFrame frame)
        {
            var call = _calls++;
            factory._detections.AddOrUpdate(inner.Kind, 1, static (_, count) => count + 1);
            var people = inner.Detect(frame); // the real detector still sees every frame, as if it had failed late
            return factory.FailingCalls.Contains(call) ? throw new InvalidOperationException($"Injected failure on call {call}.") : people;
        }

        public void Dispose()
        {
            Interlocked.Increment(ref factory._disposed);
            inner.Dispose();
        }
    }
}
