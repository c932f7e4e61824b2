namespace VfeTps.Stream.SiteBench;

/// <summary>The process's peak resident memory (VmHWM in /proc/self/status; Linux).</summary>
internal static class PeakMemory
{
    public static double Mebibytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }
}
