using System.Runtime.InteropServices;

namespace VfeTps.Stream.Onnx;

/// <summary>
/// Builds one ONNX graph node by node and writes it as a model file. Every name is checked as it
/// is added (unique, and each node input already defined), so a mistake fails here with the node's
/// name rather than later inside a runtime. Weights become initializers stored as raw data.
/// Not thread-safe.
/// </summary>
public sealed class OnnxGraphBuilder
{
    private readonly string _name;
    private readonly HashSet<string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nodeNames = new(StringComparer.Ordinal);
    private readonly List<ValueInfo> _inputs = [];
    private readonly List<ValueInfo> _outputs = [];
    private readonly List<InitializerEntry> _initializers = [];
    private readonly List<NodeEntry> _nodes = [];

    public OnnxGraphBuilder(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian; this writer runs on little-endian machines only.");
        _name = name;
    }

    /// <summary>Number of nodes added so far.</summary>
    public int NodeCount => _nodes.Count;

    /// <summary>Number of weight values stored as initializers.</summary>
    public long InitializerElementCount { get; private set; }

    /// <summary>Declares a graph input; returns its name for use as a node input.</summary>
    public string Input(string name, OnnxElementType type, params OnnxDimension[] shape)
    {
        Define(name);
        _inputs.Add(new ValueInfo(name, type, [.. shape]));
        return name;
    }

    /// <summary>Declares an already defined value as a graph output.</summary>
    public void Output(string name, OnnxElementType type, params OnnxDimension[] shape)
    {
        RequireDefined(name, "graph output");
        _outputs.Add(new ValueInfo(name, type, [.. shape]));
    }

    /// <summary>A float constant or weight; <paramref name="dims"/> may be empty for a scalar.</summary>
    public string Initializer(string name, ReadOnlySpan<float> values, params long[] dims) =>
        AddInitializer(name, OnnxElementType.Float, MemoryMarshal.AsBytes(values).ToArray(), values.Length, dims);

    /// <summary>An int64 constant (shapes, axes, indices); <paramref name="dims"/> may be empty for a scalar.</summary>
    public string Initializer(string name, ReadOnlySpan<long> values, params long[] dims) =>
        AddInitializer(name, OnnxElementType.Int64, MemoryMarshal.AsBytes(values).ToArray(), values.Length, dims);

    /// <summary>Adds a node with one output, named after the node; returns the output's name.</summary>
    public string Node(string opType, string name, IReadOnlyList<string> inputs, params OnnxAttribute[] attributes) =>
        Node(opType, name, inputs, [name], attributes)[0];

    /// <summary>Adds a node with the given outputs; an empty input name means an omitted optional input.</summary>
    public IReadOnlyList<string> Node(string opType, string name, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params OnnxAttribute[] attributes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(opType);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        // Check everything before changing anything, so a refused node leaves the graph as it was.
        if (_nodeNames.Contains(name))
            throw new InvalidOperationException($"Graph '{_name}' already has a node named '{name}'.");
        foreach (var input in inputs)
        {
            if (input.Length > 0)
                RequireDefined(input, $"input of node '{name}' ({opType})");
        }
        foreach (var output in outputs)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(output);
            if (_values.Contains(output) || outputs.Count(o => o == output) > 1)
                throw new InvalidOperationException($"Node '{name}' would define '{output}', which graph '{_name}' already defines.");
        }
        _nodeNames.Add(name);
        foreach (var output in outputs)
            _values.Add(output);
        _nodes.Add(new NodeEntry(opType, name, [.. inputs], [.. outputs], [.. attributes]));
        return outputs;
    }

    /// <summary>Writes the model (protobuf <c>ModelProto</c>) to <paramref name="destination"/>.</summary>
    public void WriteModel(System.IO.Stream destination, OnnxModelInfo info)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(info);
        if (_outputs.Count == 0)
            throw new InvalidOperationException($"Graph '{_name}' has no outputs.");
        var model = new ProtoWriter();
        model.Varint(1, info.IrVersion);
        model.String(2, info.ProducerName);
        model.String(3, info.ProducerVersion);
        if (info.DocString.Length > 0)
            model.String(6, info.DocString);
        model.Message(7, WriteGraph);
        model.Message(8, opset =>
        {
            opset.String(1, "");
            opset.Varint(2, info.Opset);
        });
        foreach (var (key, value) in info.Metadata.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            model.Message(14, entry =>
            {
                entry.String(1, key);
                entry.String(2, value);
            });
        }
        model.CopyTo(destination);
    }

    /// <summary>The model file's bytes.</summary>
    public byte[] ToBytes(OnnxModelInfo info)
    {
        using var stream = new MemoryStream();
        WriteModel(stream, info);
        return stream.ToArray();
    }

    private string AddInitializer(string name, OnnxElementType type, byte[] data, int count, long[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        var expected = dims.Aggregate(1L, (product, dim) => product * dim);
        if (dims.Any(dim => dim < 0) || expected != count)
            throw new ArgumentException($"Initializer '{name}' has {count} values but shape [{string.Join(", ", dims)}].", nameof(dims));
        Define(name);
        _initializers.Add(new InitializerEntry(name, type, [.. dims], data));
        InitializerElementCount += count;
        return name;
    }

    private void Define(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_values.Add(name))
            throw new InvalidOperationException($"Graph '{_name}' already defines a value named '{name}'.");
    }

    private void RequireDefined(string name, string role)
    {
        if (!_values.Contains(name))
            throw new InvalidOperationException($"The {role} refers to '{name}', which graph '{_name}' does not define (yet).");
    }

    private void WriteGraph(ProtoWriter graph)
    {
        foreach (var node in _nodes)
            graph.Message(1, node.WriteTo);
        graph.String(2, _name);
        foreach (var initializer in _initializers)
            graph.Message(5, initializer.WriteTo);
        foreach (var input in _inputs)
            graph.Message(11, input.WriteTo);
        foreach (var output in _outputs)
            graph.Message(12, output.WriteTo);
    }

    private sealed record ValueInfo(string Name, OnnxElementType Type, OnnxDimension[] Shape)
    {
        public void WriteTo(ProtoWriter value)
        {
            value.String(1, Name);
            value.Message(2, type => type.Message(1, tensor =>
            {
                tensor.Varint(1, (long)Type);
                tensor.Message(2, shape =>
                {
                    foreach (var dimension in Shape)
                    {
                        shape.Message(1, dim =>
                        {
                            if (dimension.Symbol is { } symbol)
                                dim.String(2, symbol);
                            else
                                dim.Varint(1, dimension.Size!.Value);
                        });
                    }
                });
            }));
        }
    }

    private sealed record InitializerEntry(string Name, OnnxElementType Type, long[] Dims, byte[] Data)
    {
        public void WriteTo(ProtoWriter tensor)
        {
            foreach (var dim in Dims)
                tensor.Varint(1, dim);
            tensor.Varint(2, (long)Type);
            tensor.String(8, Name);
            tensor.Bytes(9, Data);
        }
    }

    private sealed record NodeEntry(string OpType, string Name, string[] Inputs, string[] Outputs, OnnxAttribute[] Attributes)
    {
        public void WriteTo(ProtoWriter node)
        {
            foreach (var input in Inputs)
                node.String(1, input);
            foreach (var output in Outputs)
                node.String(2, output);
            node.String(3, Name);
            node.String(4, OpType);
            foreach (var attribute in Attributes)
                node.Message(5, attribute.WriteTo);
        }
    }
}
