namespace VfeTps.Stream.VectorIndex.Embedded;

/// <summary>
/// The best <c>k</c> (score, key) pairs seen so far: a binary min-heap whose root is the worst kept
/// pair, so most rows cost one comparison against <see cref="Threshold"/>. Equal scores are ordered by
/// key (lower key wins), which makes the result independent of how the scan was split across cores.
/// </summary>
internal sealed class TopK
{
    private readonly float[] _scores;
    private readonly long[] _keys;

    public TopK(int capacity)
    {
        _scores = new float[capacity];
        _keys = new long[capacity];
    }

    public int Count { get; private set; }

    public int Capacity => _scores.Length;

    /// <summary>A score must beat this to enter (ties are settled by key in <see cref="Offer"/>).</summary>
    public float Threshold => Count < _scores.Length ? float.NegativeInfinity : _scores[0];

    public void Offer(float score, long key)
    {
        if (Count < _scores.Length)
        {
            var i = Count++;
            while (i > 0)
            {
                var parent = (i - 1) >> 1;
                if (!IsWorse(score, key, _scores[parent], _keys[parent]))
                {
                    break;
                }

                _scores[i] = _scores[parent];
                _keys[i] = _keys[parent];
                i = parent;
            }

            _scores[i] = score;
            _keys[i] = key;
            return;
        }

        if (IsWorse(score, key, _scores[0], _keys[0]) || (score == _scores[0] && key == _keys[0]))
        {
            return;
        }

        SiftDownFromRoot(score, key);
    }

    public void MergeFrom(TopK other)
    {
        for (var i = 0; i < other.Count; i++)
        {
            Offer(other._scores[i], other._keys[i]);
        }
    }

    /// <summary>The kept pairs, best first.</summary>
    public (float Score, long Key)[] ToSortedArray()
    {
        var result = new (float Score, long Key)[Count];
        for (var i = 0; i < Count; i++)
        {
            result[i] = (_scores[i], _keys[i]);
        }

        Array.Sort(result, static (a, b) => IsWorse(a.Score, a.Key, b.Score, b.Key) ? 1 : IsWorse(b.Score, b.Key, a.Score, a.Key) ? -1 : 0);
        return result;
    }

    private static bool IsWorse(float score, long key, float otherScore, long otherKey) =>
        score < otherScore || (score == otherScore && key > otherKey);

    private void SiftDownFromRoot(float score, long key)
    {
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && IsWorse(_scores[child + 1], _keys[child + 1], _scores[child], _keys[child]))
            {
                child++;
            }

            if (!IsWorse(_scores[child], _keys[child], score, key))
            {
                break;
            }

            _scores[i] = _scores[child];
            _keys[i] = _keys[child];
            i = child;
        }

        _scores[i] = score;
        _keys[i] = key;
    }
}
