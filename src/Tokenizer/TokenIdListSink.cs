namespace VfeTps.Stream.Tokenizer;

/// <summary>Collects every id of a text; used where the caller wants all of them.</summary>
internal readonly struct TokenIdListSink(List<int> ids) : ITokenIdSink
{
    public bool TryAppend(int id)
    {
        ids.Add(id);
        return true;
    }
}
