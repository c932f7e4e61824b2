using System.Collections.Concurrent;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Messaging;

namespace VfeTps.Stream.Pipeline.Tests;

/// <summary>Remembers each camera's first published capture time (stream position 0 of an unlooped file) and counts frames, then forwards.</summary>
internal sealed class FrameRecorder
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _origins = new();
    private long _published;

    public long Published => Interlocked.Read(ref _published);

    /// <summary>Capture time of the first frame of the camera's video.</summary>
    public DateTimeOffset OriginOf(string cameraId) => _origins.TryGetValue(cameraId, out var origin)
        ? origin
        : throw new InvalidOperationException($"No frame of camera {cameraId} was published.");

    public IEventPublisher<FrameCaptured> Forwarding(IEventPublisher<FrameCaptured> inner) => new Recording(this, inner);

    private void Record(FrameCaptured frame)
    {
        if (frame.Sequence == 0)
        {
            _origins.TryAdd(frame.CameraId, frame.CaptureTime);
        }

        Interlocked.Increment(ref _published);
    }

    private sealed class Recording(FrameRecorder recorder, IEventPublisher<FrameCaptured> inner) : IEventPublisher<FrameCaptured>
    {
        public async ValueTask PublishAsync(FrameCaptured @event, CancellationToken cancellationToken)
        {
            await inner.PublishAsync(@event, cancellationToken);
            recorder.Record(@event);
        }

        public bool TryPublish(FrameCaptured @event)
        {
            var published = inner.TryPublish(@event);
            if (published)
            {
                recorder.Record(@event);
            }

            return published;
        }
    }
}
