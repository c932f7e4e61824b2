namespace VfeTps.Stream.Tokenizer;

/// <summary>Receives token ids as a text is encoded, so one encoding loop serves every output shape.</summary>
internal interface ITokenIdSink
{
    /// <summary>Takes one id; returns false when full, which stops encoding early.</summary>
    bool TryAppend(int id);
}
