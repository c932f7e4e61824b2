using System.Collections.Concurrent;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.PersonCrop.Detection;

namespace VfeTps.Stream.PersonCrop.Tests.Support;

/// <summary>
/// The real <see cref="DetectorFactory"/>, recording which kinds each call asked for, and able to make a
/// camera's detector throw on chosen frames (a fault injected to test the stage; real detectors rarely fail on cue).
/// </summary>
internal sealed class InterceptingDetectorFactory(PersonCropOptions options) : IPersonDetectorFactory, IDisposable
{
    private readonly DetectorFactory _real = new(options);
    private readonly ConcurrentQueue<string> _requested = new();

    public IReadOnlyList<string> Requested => [.. _requested];

    /// <summary>Zero-based call numbers (per detector instance) on which Detect throws.</summary>
    public HashSet<int> FailingCalls { get; } = [];

    public IPersonDetector Create(string kind)
    {
        _requested.Enqueue(kind);
        return new Faulty(_real.Create(kind), FailingCalls);
    }

    public void Dispose() => _real.Dispose();

    private sealed class Faulty(IPersonDetector inner, HashSet<int> failing) : IPersonDetector
    {
        private int _calls;

        public string Kind => inner.Kind;

        public IReadOnlyList<PersonDetection> Detect(VideoFrame frame)
        {
            var call = _calls++;
            var people = inner.Detect(frame); // the real detector still sees every frame, as if it had failed late
            return failing.Contains(call) ? throw new InvalidOperationException($"Injected failure on call {call}.") : people;
        }

        public void Dispose() => inner.Dispose();
    }
}
