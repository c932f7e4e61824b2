namespace VfeTps.Stream.VectorIndex.Embedded;

/// <summary>
/// How a scan is split across cores: not at all below <paramref name="minRowsForParallel"/> rows
/// (where starting workers costs more than it saves), otherwise one worker per core, each taking
/// every n-th segment so that old and new segments are spread evenly.
/// </summary>
internal sealed class ScanParallelism(int maxWorkers, long minRowsForParallel)
{
    public int WorkersFor(long liveRows, int segments) =>
        liveRows < minRowsForParallel ? 1 : Math.Max(1, Math.Min(maxWorkers, segments));

    /// <summary>Calls <paramref name="body"/>(worker, segment) for every segment.</summary>
    public void Run(int workers, int segments, Action<int, int> body, CancellationToken cancellationToken)
    {
        if (workers <= 1)
        {
            for (var s = 0; s < segments; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body(0, s);
            }

            return;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken };
        Parallel.For(0, workers, options, worker =>
        {
            for (var s = worker; s < segments; s += workers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body(worker, s);
            }
        });
    }
}
