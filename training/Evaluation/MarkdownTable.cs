using System.Globalization;
using System.Text;

namespace VfeTps.Stream.Evaluation;

/// <summary>Builds a GitHub-flavoured Markdown table; cells are escaped so a '|' cannot split a row.</summary>
internal sealed class MarkdownTable
{
    private readonly string[] _header;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = [];

    public MarkdownTable(params (string Title, bool RightAligned)[] columns)
    {
        _header = [.. columns.Select(column => column.Title)];
        _rightAligned = [.. columns.Select(column => column.RightAligned)];
    }

    public void AddRow(params string[] cells)
    {
        if (cells.Length != _header.Length)
        {
            throw new ArgumentException($"{cells.Length} cells for {_header.Length} columns.", nameof(cells));
        }

        _rows.Add(cells);
    }

    public void AppendTo(StringBuilder builder)
    {
        AppendRow(builder, _header);
        builder.Append('|');
        foreach (var right in _rightAligned)
        {
            builder.Append(right ? "---:|" : "---|");
        }

        builder.Append('\n');
        foreach (var row in _rows)
        {
            AppendRow(builder, row);
        }
    }

    /// <summary>Invariant-culture fixed-point text, so reports do not depend on the machine's locale.</summary>
    public static string Number(double value, int decimals) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static void AppendRow(StringBuilder builder, string[] cells)
    {
        builder.Append('|');
        foreach (var cell in cells)
        {
            builder.Append(' ').Append(Escape(cell)).Append(" |");
        }

        builder.Append('\n');
    }

    private static string Escape(string cell) =>
        cell.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .ReplaceLineEndings(" ");
}
