using System.Text;

namespace VfeTps.Stream.Audit.Tests;

/// <summary>A strict RFC 4180 reader for the tests: quoted cells with doubled quotes and line breaks, CRLF rows.</summary>
internal static class CsvForTests
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && cell.Length == 0)
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        throw new FormatException("Unterminated quoted cell.");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            cell.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    cell.Append(text[i++]);
                }

                if (i < text.Length && text[i] != ',' && text[i] != '\r')
                    throw new FormatException($"Text after a closing quote at {i}.");
                continue;
            }

            switch (text[i])
            {
                case ',':
                    row.Add(cell.ToString());
                    cell.Clear();
                    i++;
                    break;
                case '\r':
                    if (i + 1 >= text.Length || text[i + 1] != '\n')
                        throw new FormatException($"A bare CR outside quotes at {i}.");
                    row.Add(cell.ToString());
                    cell.Clear();
                    rows.Add([.. row]);
                    row.Clear();
                    i += 2;
                    break;
                case '\n' or '"':
                    throw new FormatException($"'{text[i]}' outside quotes at {i}.");
                default:
                    cell.Append(text[i++]);
                    break;
            }
        }

        if (row.Count > 0 || cell.Length > 0)
            throw new FormatException("The last row does not end with CRLF.");
        return rows;
    }
}
