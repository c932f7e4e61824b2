namespace VfeTps.Stream.Onnx;

/// <summary>Tensor element types, numbered as in ONNX's <c>TensorProto.DataType</c>.</summary>
public enum OnnxElementType
{
    Float = 1,
    Int32 = 6,
    Int64 = 7,
    Bool = 9,
}
