namespace VfeTps.Stream.Inference;

/// <summary>The process's peak resident memory (Linux VmHWM), resettable between measurements (benchmarks of training and of the site).</summary>
public static class PeakMemory
{
    /// <summary>Resets the high-water mark (writing 5 to clear_refs); false where the kernel refuses.</summary>
    public static bool Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Peak resident set size in MiB, or null where /proc is not available.</summary>
    public static double? ReadMebibytes() => ReadStatusMebibytes("VmHWM:");

    /// <summary>One kB-valued line of /proc/self/status (VmHWM:, VmRSS:, …) in MiB, or null where there is none.</summary>
    public static double? ReadStatusMebibytes(string key)
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path))
            return null;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kilobytes is null ? null : long.Parse(kilobytes, System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }
}
