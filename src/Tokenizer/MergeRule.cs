namespace VfeTps.Stream.Tokenizer;

/// <summary>What a ranked pair of adjacent symbols merges into.</summary>
/// <param name="Rank">Position in the merge list; the lowest-ranked pair in a word merges first.</param>
/// <param name="Merged">Symbol id of the joined symbol.</param>
internal readonly record struct MergeRule(int Rank, int Merged);
