namespace VfeTps.Stream.SiteBench.ControlRoom;

/// <summary>
/// What the control room adds to the site's work: a durable audit append for every search and every
/// thumbnail or frame opened, the watchlist matcher on every new crop, and a deliberately slow password
/// hash on every sign-in. Each is timed on its own, with warm-ups.
/// </summary>
public static class ControlRoomBenchmark
{
    public static async Task<ControlRoomBenchmarkResult> RunAsync(ControlRoomBenchmarkOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var (disk, appends, page) = await AuditAppendBenchmark.RunAsync(options, progress, cancellationToken).ConfigureAwait(false);
        var (matching, calibration) = WatchlistMatchingBenchmark.Run(options, progress, cancellationToken);
        var passwords = PasswordHashingBenchmark.Run(options, progress, cancellationToken);
        return new ControlRoomBenchmarkResult(disk, appends, page, matching, calibration, passwords);
    }
}
