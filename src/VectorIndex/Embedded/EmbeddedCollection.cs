using System.Buffers;
using System.Diagnostics;
using System.Numerics.Tensors;
using Microsoft.Extensions.Logging;

namespace VfeTps.Stream.VectorIndex.Embedded;

/// <summary>
/// One open collection, shared by every <see cref="EmbeddedVectorIndex"/> handle on it in this
/// process. Writers are serialised by a gate; a write is appended to the log and fsynced first, then
/// applied to memory under the write lock (short: no I/O inside), so searches, which hold the read
/// lock for their scan, never see a point that is not yet durable. A LOCK file keeps other processes
/// (and other stores in this one) out of the folder while it is open.
/// </summary>
internal sealed class EmbeddedCollection
{
    public const string LockFileName = "LOCK";

    private const int CompactionChunkBytes = 4 << 20;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly EmbeddedVectorStoreOptions _options;
    private readonly ScanParallelism _parallelism;
    private readonly ILogger _logger;
    private readonly FileStream _lockFile;
    private readonly PointLogFile _log;
    private RowStore _rows;
    private long _logRecords; // records in the log since it was last written whole: garbage = this - live points
    private long _compactionDeferredUntilGarbage; // after a failed compaction: wait for this much garbage before trying again
    private bool _closed;

    private EmbeddedCollection(
        string name, string directory, RowStore rows, long logRecords, PointLogFile log, FileStream lockFile,
        EmbeddedVectorStoreOptions options, ILogger logger)
    {
        Name = name;
        Directory = directory;
        _rows = rows;
        _logRecords = logRecords;
        _log = log;
        _lockFile = lockFile;
        _options = options;
        _logger = logger;
        _parallelism = new ScanParallelism(options.MaxScanParallelism, options.ParallelScanMinPoints);
    }

    public string Name { get; }

    public string Directory { get; }

    public int Dimension => _rows.Dimension;

    /// <summary>Open handles; changed only under the store's lock.</summary>
    public int References { get; set; }

    /// <summary>Opens (creating when missing) the collection in <paramref name="directory"/>, replaying its log.</summary>
    public static EmbeddedCollection Open(string directory, string name, int dimension, EmbeddedVectorStoreOptions options, ILogger logger)
    {
        System.IO.Directory.CreateDirectory(directory);
        var lockFile = AcquireLock(directory, name);
        try
        {
            PointLogFile.RemoveLeftovers(directory);
            var path = PointLogFile.PathIn(directory);
            var rows = new RowStore(dimension, options.SegmentRowsFor(dimension));
            long records = 0;
            if (File.Exists(path))
            {
                var stored = PointLogReader.ReadDimension(path);
                if (stored != dimension)
                {
                    throw new InvalidOperationException($"Vector collection '{name}' holds vectors of dimension {stored}, not {dimension}.");
                }

                var started = Stopwatch.GetTimestamp();
                var replay = PointLogReader.Replay(path, rows, options.FlushToDisk);
                if (replay.Discarded is { } tail)
                {
                    Log.TailDiscarded(logger, name, tail.Problem, tail.Offset, tail.Length, tail.CopiedTo);
                }

                records = replay.Upserts + replay.Deletes;
                Log.Opened(logger, name, rows.LiveCount, dimension, replay.ValidLength, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            else
            {
                PointLogFile.CreateEmpty(directory, dimension, options.FlushToDisk);
                Log.Created(logger, name, dimension);
            }

            var log = PointLogFile.OpenForAppend(directory, options.FlushToDisk);
            return new EmbeddedCollection(name, directory, rows, records, log, lockFile, options, logger);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>Takes the folder's LOCK file (an OS file lock, released by the OS if the process dies).</summary>
    /// <exception cref="InvalidOperationException">Another process or store has the collection open.</exception>
    public static FileStream AcquireLock(string directory, string name)
    {
        try
        {
            return new FileStream(Path.Combine(directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"Vector collection '{name}' ({directory}) is open in another process or vector store.", e);
        }
    }

    public async Task UpsertAsync(IReadOnlyList<CropVector> points, CancellationToken cancellationToken)
    {
        VectorIndexArguments.ValidatePoints(points, Dimension);
        if (points.Count == 0)
        {
            return;
        }

        // Normalise and encode before taking the gate: the gate covers only the append and the apply.
        var dimension = Dimension;
        var vectors = new float[points.Count * dimension];
        var records = new ArrayBufferWriter<byte>(points.Count * ((dimension * sizeof(float)) + 256));
        for (var i = 0; i < points.Count; i++)
        {
            var vector = vectors.AsSpan(i * dimension, dimension);
            Normalise(points[i].Vector, vector);
            LogRecords.WriteUpsert(records, points[i].CropId, vector, points[i].Payload);
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfClosed();
            var started = Stopwatch.GetTimestamp();
            _log.Append(records.WrittenSpan);
            _lock.EnterWriteLock();
            try
            {
                for (var i = 0; i < points.Count; i++)
                {
                    _rows.Upsert(points[i].CropId, vectors.AsSpan(i * dimension, dimension), points[i].Payload);
                }
            }
            finally
            {
                _lock.ExitWriteLock();
            }

            _logRecords += points.Count;
            VectorIndexMetrics.Written(Name, points.Count, Stopwatch.GetElapsedTime(started));
            CompactIfWorthIt();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public IReadOnlyList<VectorHit> Search(VectorQuery query, CancellationToken cancellationToken)
    {
        VectorIndexArguments.ValidateQuery(query, Dimension);
        var vector = NormalisedQuery(query);
        var started = Stopwatch.GetTimestamp();
        _lock.EnterReadLock();
        try
        {
            ThrowIfClosed();
            var rows = _rows;
            var top = ExactScan.TopRows(rows, vector, RowFilter.Create(query, rows.Cameras), query.Limit, _parallelism, cancellationToken);
            var hits = new VectorHit[top.Length];
            for (var i = 0; i < top.Length; i++)
            {
                hits[i] = HitOf(rows, top[i]);
            }

            return hits;
        }
        finally
        {
            _lock.ExitReadLock();
            VectorIndexMetrics.Searched(Name, grouped: false, Stopwatch.GetElapsedTime(started));
        }
    }

    public IReadOnlyList<TrackHit> SearchTracks(VectorQuery query, int cropsPerTrack, CancellationToken cancellationToken)
    {
        VectorIndexArguments.ValidateQuery(query, Dimension);
        VectorIndexArguments.ValidateCropsPerTrack(cropsPerTrack);
        var vector = NormalisedQuery(query);
        var started = Stopwatch.GetTimestamp();
        _lock.EnterReadLock();
        try
        {
            ThrowIfClosed();
            var rows = _rows;
            var tracks = ExactScan.TopTracks(rows, vector, RowFilter.Create(query, rows.Cameras), query.Limit, cropsPerTrack, _parallelism, cancellationToken);
            var result = new TrackHit[tracks.Length];
            for (var i = 0; i < tracks.Length; i++)
            {
                var track = tracks[i];
                var crops = Array.ConvertAll(track.Crops, c => HitOf(rows, c));
                result[i] = new TrackHit(
                    rows.Cameras.NameOf(rows.Tracks.CameraOf(track.TrackOrdinal)), rows.Tracks.TrackIdOf(track.TrackOrdinal), crops, track.MatchingCrops);
            }

            return result;
        }
        finally
        {
            _lock.ExitReadLock();
            VectorIndexMetrics.Searched(Name, grouped: true, Stopwatch.GetElapsedTime(started));
        }
    }

    public CropVector? Get(string cropId)
    {
        ArgumentNullException.ThrowIfNull(cropId);
        _lock.EnterReadLock();
        try
        {
            ThrowIfClosed();
            if (!_rows.TryGet(cropId, out var row))
            {
                return null;
            }

            return new CropVector(cropId, row.Segment.VectorOf(row.Row).ToArray(), row.Segment.Payloads[row.Row]);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public long Count()
    {
        _lock.EnterReadLock();
        try
        {
            ThrowIfClosed();
            return _rows.LiveCount;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// The newest live rows by capture time: one pass keeping a min-heap of <paramref name="count"/>
    /// (O(n log count)); equal capture times go to the row written later.
    /// </summary>
    public IReadOnlyList<CropVector> Latest(int count, CancellationToken cancellationToken)
    {
        VectorIndexArguments.ValidateLatestCount(count);
        _lock.EnterReadLock();
        try
        {
            ThrowIfClosed();
            var rows = _rows;
            var newest = new PriorityQueue<long, (long Ticks, long Key)>((int)Math.Min(count, rows.LiveCount));
            for (var s = 0; s < rows.Segments.Count; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var segment = rows.Segments[s];
                for (var row = 0; row < segment.Count; row++)
                {
                    if (segment.Tracks[row] == Segment.DeadTrack)
                    {
                        continue;
                    }

                    var priority = (segment.Ticks[row], ExactScan.KeyOf(s, row));
                    if (newest.Count < count)
                    {
                        newest.Enqueue(priority.Item2, priority);
                    }
                    else if (newest.TryPeek(out _, out var oldest) && priority.CompareTo(oldest) > 0)
                    {
                        newest.DequeueEnqueue(priority.Item2, priority);
                    }
                }
            }

            // The heap pops oldest first: fill the result from the back.
            var result = new CropVector[newest.Count];
            for (var i = result.Length - 1; i >= 0; i--)
            {
                var (segmentIndex, row) = ExactScan.Locate(newest.Dequeue());
                var segment = rows.Segments[segmentIndex];
                result[i] = new CropVector(segment.CropIds[row], segment.VectorOf(row).ToArray(), segment.Payloads[row]);
            }

            return result;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public async Task<long> DeleteCapturedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfClosed();
            var ticks = cutoff.UtcTicks;
            if (!_rows.AnyCapturedBefore(ticks))
            {
                return 0; // nothing to delete: no record either.
            }

            var record = new ArrayBufferWriter<byte>(32);
            LogRecords.WriteDeleteCapturedBefore(record, ticks);
            _log.Append(record.WrittenSpan);
            long deleted;
            _lock.EnterWriteLock();
            try
            {
                deleted = _rows.DeleteCapturedBefore(ticks);
            }
            finally
            {
                _lock.ExitWriteLock();
            }

            _logRecords++;
            Log.Retained(_logger, Name, deleted, cutoff);
            VectorIndexMetrics.Deleted(Name, deleted);
            CompactIfWorthIt();
            return deleted;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task CompactAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfClosed();
            Compact();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public EmbeddedVectorIndexStatistics Statistics()
    {
        _lock.EnterReadLock();
        try
        {
            ThrowIfClosed();
            var rows = _rows;
            return new EmbeddedVectorIndexStatistics(
                rows.LiveCount, rows.DeadRows, rows.Segments.Count, rows.Tracks.LiveTracks, rows.Cameras.Count,
                rows.Segments.Sum(static s => (long)s.Vectors.Length * sizeof(float)), _log.Length, _logRecords);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Closes the log and releases the LOCK (the store calls this when the last handle goes).</summary>
    public async Task CloseAsync()
    {
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            _lock.EnterWriteLock();
            try
            {
                if (_closed)
                {
                    return;
                }

                _closed = true;
            }
            finally
            {
                _lock.ExitWriteLock();
            }

            _log.Dispose();
            _lockFile.Dispose();
            Log.Closed(_logger, Name);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static VectorHit HitOf(RowStore rows, (float Score, long Key) hit)
    {
        var (segmentIndex, row) = ExactScan.Locate(hit.Key);
        var segment = rows.Segments[segmentIndex];
        return new VectorHit(segment.CropIds[row], hit.Score, segment.Payloads[row]);
    }

    private static void Normalise(ReadOnlySpan<float> source, Span<float> destination)
    {
        // In double: a float sum of squares can overflow for large (still finite) components.
        var sumOfSquares = 0.0;
        foreach (var value in source)
        {
            sumOfSquares += (double)value * value;
        }

        var scale = (float)(1.0 / Math.Sqrt(sumOfSquares));
        TensorPrimitives.Multiply(source, scale, destination);
    }

    private ReadOnlyMemory<float> NormalisedQuery(VectorQuery query)
    {
        var vector = new float[Dimension];
        Normalise(query.Vector.Span, vector);
        return vector;
    }

    private void ThrowIfClosed() => ObjectDisposedException.ThrowIf(_closed, $"vector collection '{Name}'");

    /// <summary>
    /// Rewrites the log when superseded records (replaced or deleted points) outweigh the thresholds.
    /// The write that triggered it is durable already, so a failed compaction (disk full) is logged,
    /// not thrown, and tried again once as much garbage again has gathered. Gate held.
    /// </summary>
    private void CompactIfWorthIt()
    {
        var garbage = _logRecords - _rows.LiveCount;
        if (garbage < _options.CompactionMinGarbage || garbage < _options.CompactionGarbageRatio * _rows.LiveCount
            || garbage < _compactionDeferredUntilGarbage)
        {
            return;
        }

        try
        {
            Compact();
            _compactionDeferredUntilGarbage = 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _compactionDeferredUntilGarbage = garbage + _options.CompactionMinGarbage;
            Log.CompactionFailed(_logger, e, Name, garbage);
        }
    }

    /// <summary>
    /// Writes the live points into a new log and renames it over the old one; rebuilds the rows
    /// without tombstones beside the old ones and swaps them in. Searches go on meanwhile (the gate
    /// keeps writers out, so the rows cannot change while they are copied). Gate held.
    /// </summary>
    private void Compact()
    {
        var started = Stopwatch.GetTimestamp();
        var bytesBefore = _log.Length;
        var fresh = new RowStore(Dimension, _options.SegmentRowsFor(Dimension));
        using (var rewrite = _log.BeginRewrite(Dimension))
        {
            var chunk = new ArrayBufferWriter<byte>(CompactionChunkBytes + (64 * 1024));
            foreach (var segment in _rows.Segments)
            {
                for (var row = 0; row < segment.Count; row++)
                {
                    if (segment.Tracks[row] == Segment.DeadTrack)
                    {
                        continue;
                    }

                    LogRecords.WriteUpsert(chunk, segment.CropIds[row], segment.VectorOf(row), segment.Payloads[row]);
                    fresh.Upsert(segment.CropIds[row], segment.VectorOf(row), segment.Payloads[row]);
                    if (chunk.WrittenCount >= CompactionChunkBytes)
                    {
                        rewrite.Write(chunk.WrittenSpan);
                        chunk.ResetWrittenCount();
                    }
                }
            }

            rewrite.Write(chunk.WrittenSpan);
            rewrite.Commit();
        }

        _lock.EnterWriteLock();
        try
        {
            _rows = fresh;
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        _logRecords = fresh.LiveCount;
        Log.Compacted(_logger, Name, fresh.LiveCount, bytesBefore, _log.Length, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
