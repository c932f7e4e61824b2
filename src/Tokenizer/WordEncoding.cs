namespace VfeTps.Stream.Tokenizer;

/// <summary>The vocabulary ids of one pre-tokenized word, and how many of its symbols were unknown.</summary>
/// <param name="Ids">Token ids; shared with the word cache, so callers must not modify the array.</param>
/// <param name="UnknownCount">Byte symbols the vocabulary lacks; they are skipped, not encoded.</param>
internal readonly record struct WordEncoding(int[] Ids, int UnknownCount);
