using System.Text;

namespace VfeTps.Stream.Inference;

/// <summary>
/// A model bundle was refused: its manifest is invalid, a file is missing or corrupt, or a tower
/// does not behave as the manifest says. The message names the bundle, the stage and every problem
/// that stage found, one per line, so that an operator can fix the bundle without a debugger.
/// </summary>
public sealed class ModelBundleException : Exception
{
    public ModelBundleException()
        : this(null, BundleCheckStage.Manifest, ["The model bundle is invalid."])
    {
    }

    public ModelBundleException(string message)
        : this(null, BundleCheckStage.Manifest, [message])
    {
    }

    public ModelBundleException(string message, Exception innerException)
        : this(null, BundleCheckStage.Manifest, [message], innerException)
    {
    }

    /// <param name="bundleDirectory">The bundle's folder; null when the manifest was read from text alone.</param>
    /// <param name="stage">The check that failed.</param>
    /// <param name="problems">What is wrong; at least one entry.</param>
    /// <param name="innerException">The first underlying error, when there is one.</param>
    public ModelBundleException(string? bundleDirectory, BundleCheckStage stage, IReadOnlyList<string> problems, Exception? innerException = null)
        : base(Describe(bundleDirectory, stage, problems), innerException)
    {
        BundleDirectory = bundleDirectory;
        Stage = stage;
        Problems = [.. problems];
    }

    /// <summary>The bundle's folder, when known.</summary>
    public string? BundleDirectory { get; }

    /// <summary>The check that refused the bundle.</summary>
    public BundleCheckStage Stage { get; }

    /// <summary>Every problem the stage found.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(string? bundleDirectory, BundleCheckStage stage, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
            throw new ArgumentException("A refused bundle needs at least one problem.", nameof(problems));
        var text = new StringBuilder();
        text.Append(bundleDirectory is null ? "The model bundle manifest" : $"Model bundle '{bundleDirectory}'")
            .Append(" was refused (").Append(stage).Append(" check): ");
        if (problems.Count == 1)
            return text.Append(problems[0]).ToString();
        text.Append(problems.Count).Append(" problems:");
        foreach (var problem in problems)
            text.Append("\n  - ").Append(problem);
        return text.ToString();
    }
}
