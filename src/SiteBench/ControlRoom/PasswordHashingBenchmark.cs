using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using VfeTps.Stream.SiteBench.VectorSearch;

namespace VfeTps.Stream.SiteBench.ControlRoom;

/// <summary>
/// The CPU cost of a sign-in: one PBKDF2-HMAC-SHA512 derivation with the parameters the access library
/// stores passwords with (src/Access/PasswordHasher: 16-byte salt, 64-byte hash, the configured
/// iterations), timed on one thread and then on every core at once (the site runs one check per core
/// by default and refuses beyond a short queue).
/// </summary>
internal static class PasswordHashingBenchmark
{
    // PasswordHasher's private constants (the hasher itself is internal to the access library).
    private const int SaltBytes = 16;
    private const int HashBytes = 64;
    private const int WarmUpChecks = 2;

    public static PasswordHashingMeasurement Run(ControlRoomBenchmarkOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var password = Encoding.UTF8.GetBytes("correct horse battery staple");
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var expected = Derive(password, salt, options.PasswordIterations);

        var durations = new List<double>(options.PasswordChecks);
        for (var i = -WarmUpChecks; i < options.PasswordChecks; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            var matches = Check(password, salt, expected, options.PasswordIterations);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!matches)
            {
                throw new InvalidOperationException("The same password and salt derived a different hash.");
            }

            if (i >= 0)
            {
                durations.Add(elapsed);
            }
        }

        var threads = Environment.ProcessorCount;
        var checks = threads * options.PasswordChecks;
        var allStarted = Stopwatch.GetTimestamp();
        Parallel.For(
            0,
            checks,
            new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
            _ => Check(password, salt, expected, options.PasswordIterations));
        var signInsPerSecond = checks / Stopwatch.GetElapsedTime(allStarted).TotalSeconds;

        var measured = new PasswordHashingMeasurement(
            options.PasswordIterations, SaltBytes, HashBytes, durations.Count, Percentiles.Of(durations, 50), durations.Average(), threads, signInsPerSecond);
        progress?.Report(FormattableString.Invariant(
            $"password check (PBKDF2-HMAC-SHA512, {measured.Iterations:N0} iterations): p50 {measured.P50Ms:F1} ms on one thread; {measured.SignInsPerSecond:F1} sign-ins/s on {threads} cores"));
        return measured;
    }

    /// <summary>What PasswordHasher.Verify does: derive again and compare in fixed time.</summary>
    private static bool Check(byte[] password, byte[] salt, byte[] expected, int iterations) =>
        CryptographicOperations.FixedTimeEquals(Derive(password, salt, iterations), expected);

    private static byte[] Derive(byte[] password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA512, HashBytes);
}
