namespace VfeTps.Stream.Onnx;

/// <summary>One axis of a graph input or output: a fixed size or a named, dynamic one ("batch").</summary>
public readonly record struct OnnxDimension
{
    private OnnxDimension(long? size, string? symbol)
    {
        Size = size;
        Symbol = symbol;
    }

    public long? Size { get; }

    public string? Symbol { get; }

    public static OnnxDimension Fixed(long size) =>
        size >= 0 ? new(size, null) : throw new ArgumentOutOfRangeException(nameof(size), size, "A fixed dimension cannot be negative.");

    public static OnnxDimension Dynamic(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return new(null, symbol);
    }

    public static implicit operator OnnxDimension(long size) => Fixed(size);

    public override string ToString() => Symbol ?? Size!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
