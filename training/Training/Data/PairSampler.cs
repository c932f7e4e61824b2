using VfeTps.Stream.Datasets;
using VfeTps.Stream.Training.Trainer;

namespace VfeTps.Stream.Training.Data;

/// <summary>
/// Plans the batches of an epoch, deterministically from (seed, epoch), so that a resumed run
/// sees exactly the batches the interrupted one would have seen.
/// </summary>
public sealed class PairSampler
{
    private readonly IReadOnlyList<PersonImage> _images;
    private readonly int _batchSize;
    private readonly BatchSampling _sampling;
    private readonly int _instances;
    private readonly int _seed;

    public PairSampler(IReadOnlyList<PersonImage> images, int batchSize, BatchSampling sampling, int instancesPerIdentity, int seed)
    {
        ArgumentNullException.ThrowIfNull(images);
        _images = images;
        _batchSize = batchSize;
        _sampling = sampling;
        _instances = instancesPerIdentity;
        _seed = seed;
        PairCount = images.Sum(i => i.Captions.Count);
    }

    /// <summary>Image–caption pairs in the split (one epoch covers each about once).</summary>
    public int PairCount { get; }

    /// <summary>Batches per epoch (a last batch smaller than 2 pairs is dropped: CMPM needs two).</summary>
    public int BatchesPerEpoch => (PairCount / _batchSize) + (PairCount % _batchSize >= 2 ? 1 : 0);

    public IReadOnlyList<TrainingPair[]> PlanEpoch(int epoch)
    {
        var random = new Random(StableSeed.Of(_seed, epoch, 0x5A3));
        var pairs = _sampling == BatchSampling.Random ? ShuffledPairs(random) : IdentityBalancedPairs(random);
        var batches = new List<TrainingPair[]>(BatchesPerEpoch);
        for (var start = 0; start < pairs.Count && batches.Count < BatchesPerEpoch; start += _batchSize)
            batches.Add(pairs.GetRange(start, Math.Min(_batchSize, pairs.Count - start)).ToArray());
        return batches;
    }

    private List<TrainingPair> ShuffledPairs(Random random)
    {
        var pairs = new List<TrainingPair>(PairCount);
        for (var i = 0; i < _images.Count; i++)
        {
            for (var c = 0; c < _images[i].Captions.Count; c++)
                pairs.Add(new TrainingPair(i, c));
        }
        var array = pairs.ToArray();
        random.Shuffle(array);
        return [.. array];
    }

    // Identities in random order, K pairs each (drawn without replacement while the identity has
    // enough, then with replacement), until the epoch has as many pairs as the random plan would.
    private List<TrainingPair> IdentityBalancedPairs(Random random)
    {
        var byIdentity = Enumerable.Range(0, _images.Count).GroupBy(i => _images[i].Label).Select(g => g.ToArray()).ToArray();
        var pairs = new List<TrainingPair>(PairCount + _batchSize);
        while (pairs.Count < PairCount)
        {
            random.Shuffle(byIdentity);
            foreach (var identity in byIdentity)
            {
                var candidates = identity.SelectMany(i => Enumerable.Range(0, _images[i].Captions.Count).Select(c => new TrainingPair(i, c))).ToArray();
                random.Shuffle(candidates);
                for (var k = 0; k < _instances; k++)
                    pairs.Add(k < candidates.Length ? candidates[k] : candidates[random.Next(candidates.Length)]);
                if (pairs.Count >= PairCount)
                    break;
            }
        }
        return pairs;
    }
}
