namespace VfeTps.Stream.Evaluation;

/// <summary>Where a report was written.</summary>
/// <param name="JsonPath">Full path of the JSON file.</param>
/// <param name="MarkdownPath">Full path of the Markdown file.</param>
public sealed record ReportFiles(string JsonPath, string MarkdownPath);
