namespace VfeTps.Stream.Tokenizer;

/// <summary>A candidate merge as queued during learning: how often the pair occurs, and its symbols for tie-breaks.</summary>
internal readonly record struct PairPriority(int Count, string Left, string Right);
