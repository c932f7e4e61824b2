namespace VfeTps.Stream.Watchlists;

/// <summary>
/// The matching state, in memory: a ring of the most recent crop vectors (the calibration window)
/// and, per watchlist, its unit text vector and its cosine score against every crop in the ring with
/// their running sum and sum of squares. A new crop is scored against each watchlist, standardised
/// against the window as it was BEFORE the crop (z = (s − mean) / max(sd, floor)), and then joins the
/// ring, pushing out the oldest: O(1) per crop and watchlist besides the dot product. The sums are
/// recomputed exactly from the kept scores each time the ring wraps, so rounding never accumulates.
/// All vectors in the ring and every active text vector belong to one model version; a watchlist
/// embedded by another model is "stale" and skipped until re-embedded. Thread-safe (one lock; the
/// API adds and removes watchlists while the matcher scores crops).
/// </summary>
internal sealed class WatchlistMatcher
{
    private readonly Lock _gate = new();
    private readonly int _capacity;
    private readonly int _minCrops;
    private readonly double _minStandardDeviation;
    private readonly float[]?[] _ring;
    private readonly string?[] _ringIds;
    private readonly HashSet<string> _idsInRing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry> _watchlists = new(StringComparer.Ordinal);
    private int _next;
    private int _count;
    private string? _modelVersion;
    private int _dimension;

    public WatchlistMatcher(int windowCapacity, int minCalibrationCrops, double minStandardDeviation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minCalibrationCrops, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowCapacity, minCalibrationCrops);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minStandardDeviation);
        _capacity = windowCapacity;
        _minCrops = minCalibrationCrops;
        _minStandardDeviation = minStandardDeviation;
        _ring = new float[windowCapacity][];
        _ringIds = new string[windowCapacity];
    }

    /// <summary>The model version of the window's vectors (null before the first <see cref="Reset"/>).</summary>
    public string? ModelVersion
    {
        get
        {
            lock (_gate)
                return _modelVersion;
        }
    }

    /// <summary>The embedding size of that model.</summary>
    public int Dimension
    {
        get
        {
            lock (_gate)
                return _dimension;
        }
    }

    /// <summary>Crops in the window.</summary>
    public int WindowCount
    {
        get
        {
            lock (_gate)
                return _count;
        }
    }

    /// <summary>Empties the window for vectors of <paramref name="modelVersion"/>; watchlists embedded by another model become stale.</summary>
    public void Reset(string modelVersion, int dimension)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelVersion);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        lock (_gate)
        {
            Array.Clear(_ring);
            Array.Clear(_ringIds);
            _idsInRing.Clear();
            _next = 0;
            _count = 0;
            _modelVersion = modelVersion;
            _dimension = dimension;
            foreach (var entry in _watchlists.Values)
                entry.ClearScores();
        }
    }

    /// <summary>
    /// Adds or replaces a watchlist with its text vector from <paramref name="vectorVersion"/> (null
    /// when the text could not be embedded: kept, inactive). Its scores are computed over the whole
    /// window now.
    /// </summary>
    public void Upsert(Watchlist watchlist, float[]? unitVector, string vectorVersion)
    {
        ArgumentNullException.ThrowIfNull(watchlist);
        lock (_gate)
        {
            var entry = new Entry(watchlist, unitVector, vectorVersion, _capacity);
            _watchlists[watchlist.Id] = entry;
            if (IsActive(entry))
                Recompute(entry);
        }
    }

    public bool Remove(string watchlistId)
    {
        lock (_gate)
            return _watchlists.Remove(watchlistId);
    }

    public bool Contains(string watchlistId)
    {
        lock (_gate)
            return _watchlists.ContainsKey(watchlistId);
    }

    /// <summary>Whether a watchlist's text vector is not of the window's model version.</summary>
    public bool AnyStale
    {
        get
        {
            lock (_gate)
            {
                // Asked once per crop: a plain loop, no allocation.
                foreach (var entry in _watchlists.Values)
                {
                    if (entry.VectorVersion != _modelVersion)
                        return true;
                }

                return false;
            }
        }
    }

    /// <summary>The watchlists whose text vector is not of the window's model version (to re-embed).</summary>
    public IReadOnlyList<Watchlist> Stale()
    {
        lock (_gate)
            return [.. _watchlists.Values.Where(entry => entry.VectorVersion != _modelVersion).Select(static entry => entry.Watchlist)];
    }

    /// <summary>The model version whose text tower embedded the watchlist's current vector, or null when unknown.</summary>
    public string? VectorVersionOf(string watchlistId)
    {
        lock (_gate)
            return _watchlists.TryGetValue(watchlistId, out var entry) ? entry.VectorVersion : null;
    }

    /// <summary>The watchlist's score distribution over the window (<see cref="Calibration.None"/> when it is inactive, stale or unknown).</summary>
    public Calibration CalibrationOf(string watchlistId)
    {
        lock (_gate)
            return _watchlists.TryGetValue(watchlistId, out var entry) && IsActive(entry) ? Describe(entry) : Calibration.None;
    }

    /// <summary>Adds crops (oldest first) to the window without matching them: the seed at start.</summary>
    public void Seed(IEnumerable<(string CropId, float[] UnitVector)> crops)
    {
        ArgumentNullException.ThrowIfNull(crops);
        lock (_gate)
        {
            foreach (var (cropId, vector) in crops)
            {
                if (vector.Length == _dimension)
                    Join(cropId, vector);
            }
        }
    }

    /// <summary>
    /// Scores a new crop (a unit vector of the window's model) against every active watchlist that
    /// watches its camera, returns those whose calibrated score reaches their threshold (only once the
    /// window holds enough crops), then adds the crop to the window.
    /// </summary>
    /// <exception cref="ArgumentException">The vector is not of the window's dimension.</exception>
    public IReadOnlyList<WatchlistCandidate> Match(string cropId, string cameraId, float[] unitVector)
    {
        ArgumentNullException.ThrowIfNull(cropId);
        ArgumentNullException.ThrowIfNull(unitVector);
        lock (_gate)
        {
            if (unitVector.Length != _dimension)
                throw new ArgumentException($"The crop vector has dimension {unitVector.Length}; the watchlists' model has {_dimension}.", nameof(unitVector));

            // One similarity per active watchlist: judged against the window first, then joining it.
            List<WatchlistCandidate>? candidates = null;
            var ready = _count >= _minCrops;
            foreach (var entry in _watchlists.Values)
            {
                if (ActiveVector(entry) is not { } text)
                    continue;
                var similarity = VectorMath.Cosine(text, unitVector);
                entry.Incoming = similarity;
                if (!ready || !entry.Watchlist.Watches(cameraId))
                    continue;
                var calibration = Describe(entry);
                var score = (similarity - calibration.Mean) / Math.Max(calibration.StandardDeviation, _minStandardDeviation);
                if (score >= entry.Watchlist.Threshold)
                    (candidates ??= []).Add(new WatchlistCandidate(entry.Watchlist, score, similarity));
            }

            Join(cropId, unitVector, scored: true);
            return candidates ?? (IReadOnlyList<WatchlistCandidate>)[];
        }
    }

    private bool IsActive(Entry entry) => ActiveVector(entry) is not null;

    /// <summary>The watchlist's text vector when it can be compared with the window's crops, else null.</summary>
    private float[]? ActiveVector(Entry entry) =>
        entry.Vector is { } vector && entry.VectorVersion == _modelVersion && vector.Length == _dimension ? vector : null;

    private Calibration Describe(Entry entry)
    {
        if (_count == 0)
            return new Calibration(0, 0, 0, false);
        var mean = entry.Sum / _count;
        var variance = Math.Max(0, (entry.SumOfSquares / _count) - (mean * mean));
        return new Calibration(_count, mean, Math.Sqrt(variance), _count >= _minCrops);
    }

    /// <summary>
    /// Puts the crop into the ring (a crop already there is not added twice), updating every active
    /// watchlist's sums; <paramref name="scored"/>: each active watchlist's similarity to it is already in
    /// <see cref="Entry.Incoming"/>. Lock held.
    /// </summary>
    private void Join(string cropId, float[] vector, bool scored = false)
    {
        if (!_idsInRing.Add(cropId))
            return;
        var slot = _next;
        var evicted = _count == _capacity;
        if (evicted)
            _idsInRing.Remove(_ringIds[slot]!);
        _ring[slot] = vector;
        _ringIds[slot] = cropId;
        foreach (var entry in _watchlists.Values)
        {
            if (ActiveVector(entry) is not { } text)
                continue;
            if (evicted)
            {
                var old = entry.Scores[slot];
                entry.Sum -= old;
                entry.SumOfSquares -= old * old;
            }

            var score = scored ? entry.Incoming : VectorMath.Cosine(text, vector);
            entry.Scores[slot] = score;
            entry.Sum += score;
            entry.SumOfSquares += score * score;
        }

        if (!evicted)
            _count++;
        _next = (slot + 1) % _capacity;
        if (_next == 0)
        {
            // Once per lap: exact sums again, so that add-and-subtract rounding never builds up.
            foreach (var entry in _watchlists.Values)
            {
                if (IsActive(entry))
                    entry.SumFromScores(_count);
            }
        }
    }

    /// <summary>Scores the watchlist against every crop in the window. Lock held.</summary>
    private void Recompute(Entry entry)
    {
        entry.ClearScores();
        var text = ActiveVector(entry)!;
        for (var slot = 0; slot < _count; slot++)
            entry.Scores[slot] = VectorMath.Cosine(text, _ring[slot]!);
        entry.SumFromScores(_count);
    }

    /// <summary>One watchlist's vector and its scores, slot by slot, against the ring.</summary>
    private sealed class Entry(Watchlist watchlist, float[]? vector, string vectorVersion, int capacity)
    {
        public Watchlist Watchlist { get; } = watchlist;

        public float[]? Vector { get; } = vector;

        public string VectorVersion { get; } = vectorVersion;

        public double[] Scores { get; } = new double[capacity];

        public double Sum { get; set; }

        public double SumOfSquares { get; set; }

        /// <summary>The similarity to the crop being matched (computed once, used to judge it and to add it to the window).</summary>
        public double Incoming { get; set; }

        public void ClearScores()
        {
            Array.Clear(Scores);
            Sum = 0;
            SumOfSquares = 0;
        }

        /// <summary>The slots in use are 0..count−1 (the ring fills from slot 0 and then stays full).</summary>
        public void SumFromScores(int count)
        {
            double sum = 0, sumOfSquares = 0;
            foreach (var score in Scores.AsSpan(0, count))
            {
                sum += score;
                sumOfSquares += score * score;
            }

            Sum = sum;
            SumOfSquares = sumOfSquares;
        }
    }
}

/// <summary>A crop that reached a watchlist's threshold (not yet checked against earlier hits of its track).</summary>
internal sealed record WatchlistCandidate(Watchlist Watchlist, double Score, double Similarity);
