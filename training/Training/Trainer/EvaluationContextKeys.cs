namespace VfeTps.Stream.Training.Trainer;

/// <summary>Keys and values of an evaluation report's context that tools read back (publishing).</summary>
public static class EvaluationContextKeys
{
    /// <summary>SHA-256 of the checkpoint file that was evaluated.</summary>
    public const string CheckpointSha256 = "checkpointSha256";

    /// <summary>Where the queries came from: <see cref="SplitCaptions"/> or <see cref="QueryFile"/>.</summary>
    public const string Queries = "queries";

    public const string SplitCaptions = "the split's captions";

    public const string QueryFile = "a query file";
}
