using System.Diagnostics;
using System.Globalization;

namespace VfeTps.Stream.Training.Trainer;

/// <summary>
/// A one-line progress bar with rate and ETA that redraws in place on a terminal and prints a
/// plain line every tenth of the way when the output is redirected (logs, CI).
/// </summary>
public sealed class ProgressLine
{
    private readonly TextWriter _output;
    private readonly string _label;
    private readonly int _total;
    private readonly bool _inPlace;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly int _startedAt;
    private int _lastDecile = -1;
    private int _widest;

    public ProgressLine(TextWriter output, string label, int total, int startedAt = 0, bool? inPlace = null)
    {
        _output = output;
        _label = label;
        _total = Math.Max(1, total);
        _startedAt = startedAt;
        _inPlace = inPlace ?? !Console.IsOutputRedirected;
    }

    public void Report(int done) => Report(done, "");

    /// <summary>Thread-safe: parallel workers may report.</summary>
    public void Report(int done, string details)
    {
        lock (_watch)
            Write(done, details);
    }

    private void Write(int done, string details)
    {
        var fraction = Math.Clamp((double)done / _total, 0, 1);
        var elapsed = _watch.Elapsed.TotalSeconds;
        var rate = (done - _startedAt) / Math.Max(elapsed, 1e-9);
        var eta = rate > 0 ? TimeSpan.FromSeconds((_total - done) / rate) : TimeSpan.Zero;
        var bar = new string('█', (int)(fraction * 24)).PadRight(24, '·');
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{_label} {bar} {done}/{_total} {fraction:P0} {rate:F1}/s ETA {eta:hh\\:mm\\:ss} {details}");
        if (_inPlace)
        {
            _output.Write("\r" + line.PadRight(_widest));
            _widest = Math.Max(_widest, line.Length);
            if (done >= _total)
                _output.WriteLine();
            return;
        }
        var decile = (int)(fraction * 10);
        if (decile != _lastDecile || done >= _total)
        {
            _lastDecile = decile;
            _output.WriteLine(line);
        }
    }
}
