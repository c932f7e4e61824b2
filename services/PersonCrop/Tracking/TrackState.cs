using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.Tracking;

/// <summary>One track's state: last box, a constant-velocity estimate of its centre, hit and miss counts.</summary>
internal sealed class TrackState(long id, BoundingBox box, DateTimeOffset seenAt)
{
    private double _velocityX;
    private double _velocityY;

    public long Id { get; } = id;

    public BoundingBox Box { get; private set; } = box;

    public DateTimeOffset LastSeen { get; private set; } = seenAt;

    public int Hits { get; private set; } = 1;

    public int Misses { get; private set; }

    public bool Confirmed { get; set; }

    /// <summary>Where the box should be at <paramref name="time"/> if the person keeps their speed.</summary>
    public BoundingBox Predict(DateTimeOffset time)
    {
        var seconds = (time - LastSeen).TotalSeconds;
        if (seconds <= 0 || Hits < 2)
            return Box;

        return Box with
        {
            X = (int)Math.Round(Box.X + (_velocityX * seconds)),
            Y = (int)Math.Round(Box.Y + (_velocityY * seconds)),
        };
    }

    public void Hit(BoundingBox detection, DateTimeOffset time, double smoothing)
    {
        var seconds = (time - LastSeen).TotalSeconds;
        if (seconds > 0)
        {
            var measuredX = (CentreX(detection) - CentreX(Box)) / seconds;
            var measuredY = (CentreY(detection) - CentreY(Box)) / seconds;
            // The first displacement is the only estimate there is; later ones are blended in.
            var weight = Hits == 1 ? 1 : smoothing;
            _velocityX = (weight * measuredX) + ((1 - weight) * _velocityX);
            _velocityY = (weight * measuredY) + ((1 - weight) * _velocityY);
        }

        Box = detection;
        LastSeen = time;
        Hits++;
        Misses = 0;
    }

    public void Miss() => Misses++;

    private static double CentreX(BoundingBox box) => box.X + (box.Width / 2.0);

    private static double CentreY(BoundingBox box) => box.Y + (box.Height / 2.0);
}
