namespace VfeTps.Stream.Onnx;

/// <summary>A node attribute (ONNX <c>AttributeProto</c>): an integer, a float, a string or a list of integers.</summary>
public sealed class OnnxAttribute
{
    // AttributeProto.AttributeType values.
    private const int FloatType = 1;
    private const int IntType = 2;
    private const int StringType = 3;
    private const int IntsType = 7;

    private readonly int _type;
    private readonly long _int;
    private readonly float _float;
    private readonly string? _string;
    private readonly long[]? _ints;

    private OnnxAttribute(string name, int type, long intValue = 0, float floatValue = 0, string? stringValue = null, long[]? ints = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _type = type;
        _int = intValue;
        _float = floatValue;
        _string = stringValue;
        _ints = ints;
    }

    public string Name { get; }

    public static OnnxAttribute Int(string name, long value) => new(name, IntType, intValue: value);

    public static OnnxAttribute Float(string name, float value) => new(name, FloatType, floatValue: value);

    public static OnnxAttribute String(string name, string value) =>
        new(name, StringType, stringValue: value ?? throw new ArgumentNullException(nameof(value)));

    public static OnnxAttribute Ints(string name, params long[] values) =>
        new(name, IntsType, ints: (long[])(values ?? throw new ArgumentNullException(nameof(values))).Clone());

    internal void WriteTo(ProtoWriter writer)
    {
        writer.String(1, Name);
        writer.Varint(20, _type);
        switch (_type)
        {
            case FloatType:
                writer.Float(2, _float);
                break;
            case IntType:
                writer.Varint(3, _int);
                break;
            case StringType:
                writer.String(4, _string!);
                break;
            case IntsType:
                foreach (var value in _ints!)
                    writer.Varint(8, value);
                break;
        }
    }
}
