namespace VfeTps.Stream.Training.Weights;

/// <summary>One tensor's header record in a safetensors file; offsets are relative to the data block.</summary>
public sealed record SafetensorsEntry(string Name, string DataType, long[] Shape, long Begin, long End)
{
    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);

    public string ShapeText => "[" + string.Join(", ", Shape) + "]";
}
