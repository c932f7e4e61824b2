using System.Text.RegularExpressions;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.FrameIngest.Sources;

/// <summary>
/// The last lines ffmpeg wrote on stderr (masked as they arrive, since ffmpeg echoes the URL), from
/// which a failure's message is made: its error lines when there are any, else its last words.
/// </summary>
internal sealed partial class FfmpegErrorLog(string source, int capacity = 40)
{
    private readonly Queue<(bool IsProblem, string Text)> _lines = new();
    private readonly Lock _lock = new();

    public void Add(string line)
    {
        var levelMatch = LevelPattern().Match(line);
        var isProblem = levelMatch.Success && levelMatch.Groups["level"].Value is "error" or "fatal" or "panic" or "warning";

        // "[tcp @ 0x5581…] [error] Connection refused" reads better without the context and level tags.
        var text = StreamSourceMask.MaskText(PrefixPattern().Replace(line, string.Empty).Trim(), source);
        if (text.Length == 0)
        {
            return;
        }

        lock (_lock)
        {
            _lines.Enqueue((isProblem, text));
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    /// <summary>The last few error lines (or the last few lines), joined; a fallback when ffmpeg said nothing.</summary>
    public string Summary()
    {
        lock (_lock)
        {
            var problems = _lines.Where(line => line.IsProblem).Select(line => line.Text).ToList();
            var chosen = (problems.Count > 0 ? problems : _lines.Select(line => line.Text).ToList()).TakeLast(3).Distinct().ToList();
            return chosen.Count == 0 ? "ffmpeg printed nothing" : string.Join(" | ", chosen);
        }
    }

    [GeneratedRegex(@"\[(?<level>trace|debug|verbose|info|warning|error|fatal|panic)\]", RegexOptions.CultureInvariant)]
    private static partial Regex LevelPattern();

    [GeneratedRegex(@"^(\[[^\]]*@ 0x[0-9a-f]+\]\s*)?(\[(trace|debug|verbose|info|warning|error|fatal|panic)\]\s*)?", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();
}
