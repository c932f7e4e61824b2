using VfeTps.Stream.Inference;

namespace VfeTps.Stream.Training.Cli.Benchmarks;

/// <summary>
/// The rise of the process's peak resident memory over its resident memory at the start of a
/// measurement (Linux: VmHWM reset, then VmHWM − VmRSS-at-start). Null where the kernel refuses
/// the reset, rather than a lifetime peak that would be attributed to the wrong phase.
/// </summary>
internal sealed class MemoryGrowth
{
    private readonly double? _startMebibytes;

    private MemoryGrowth(double? startMebibytes) => _startMebibytes = startMebibytes;

    public static MemoryGrowth Start() => new(PeakMemory.Reset() ? PeakMemory.ReadStatusMebibytes("VmRSS:") : null);

    public double? GrowthMebibytes() =>
        _startMebibytes is { } start && PeakMemory.ReadMebibytes() is { } peak ? Math.Max(0, peak - start) : null;
}
