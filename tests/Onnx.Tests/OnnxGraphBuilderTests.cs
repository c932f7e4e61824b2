using Microsoft.ML.OnnxRuntime;

namespace VfeTps.Stream.Onnx.Tests;

/// <summary>What the builder writes, ONNX Runtime reads and runs as intended; mistakes fail early, by name.</summary>
public sealed class OnnxGraphBuilderTests
{
    [Fact]
    public void A_written_model_runs_in_ONNX_Runtime_with_every_attribute_kind()
    {
        // y = DepthToSpace(Transpose(LeakyRelu(x + b)), blocksize 2, mode "CRD"): two output
        // channels, so the string attribute matters (DCR would interleave the channels differently).
        var graph = new OnnxGraphBuilder("attributes");
        var x = graph.Input("x", OnnxElementType.Float, OnnxDimension.Dynamic("batch"), 2, 2, 8);
        var bias = graph.Initializer("bias", [0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f], 8);
        var shifted = graph.Node("Add", "shift", [x, bias]);
        var leaky = graph.Node("LeakyRelu", "leaky", [shifted], OnnxAttribute.Float("alpha", 0.5f));
        var channelsFirst = graph.Node("Transpose", "channels_first", [leaky], OnnxAttribute.Ints("perm", 0, 3, 1, 2)); // [B, 8, 2, 2]
        var space = graph.Node("DepthToSpace", "space", [channelsFirst], OnnxAttribute.Int("blocksize", 2), OnnxAttribute.String("mode", "CRD")); // [B, 2, 4, 4]
        graph.Output(space, OnnxElementType.Float, OnnxDimension.Dynamic("batch"), 2, 4, 4);
        var values = Enumerable.Range(0, 2 * 32).Select(i => i - 40f).ToArray();

        using var session = new InferenceSession(graph.ToBytes(new OnnxModelInfo()));
        using var input = OrtValue.CreateTensorValueFromMemory(values, [2, 2, 2, 8]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["x"], [input], ["space"]);
        var actual = outputs[0].GetTensorDataAsSpan<float>().ToArray();

        Assert.Equal(Reference(values, batch: 2), actual);
    }

    [Fact]
    public void Model_metadata_and_dynamic_axes_are_what_ONNX_Runtime_reports()
    {
        var graph = new OnnxGraphBuilder("identity");
        var x = graph.Input("tokens", OnnxElementType.Int64, OnnxDimension.Dynamic("batch"), OnnxDimension.Dynamic("length"));
        graph.Node("Identity", "same", [x]);
        graph.Output("same", OnnxElementType.Int64, OnnxDimension.Dynamic("batch"), OnnxDimension.Dynamic("length"));
        var info = new OnnxModelInfo
        {
            ProducerName = "tests",
            DocString = "an identity",
            Metadata = new Dictionary<string, string> { ["model_version"] = "v7" },
        };

        using var session = new InferenceSession(graph.ToBytes(info));

        Assert.Equal("tests", session.ModelMetadata.ProducerName);
        Assert.Equal("an identity", session.ModelMetadata.Description);
        Assert.Equal("v7", session.ModelMetadata.CustomMetadataMap["model_version"]);
        var input = session.InputMetadata["tokens"];
        Assert.Equal(typeof(long), input.ElementType);
        Assert.Equal(["batch", "length"], input.SymbolicDimensions);
        Assert.Equal([-1, -1], input.Dimensions);
    }

    [Fact]
    public void Large_initializers_survive_the_round_trip()
    {
        // Over 2^21 values: length prefixes of several varint bytes at every nesting level.
        const int size = 1 << 21;
        var weights = Enumerable.Range(0, size).Select(i => (float)Math.Sin(i)).ToArray();
        var graph = new OnnxGraphBuilder("large");
        var x = graph.Input("x", OnnxElementType.Float, size);
        graph.Node("Mul", "product", [x, graph.Initializer("w", weights, size)]);
        graph.Output("product", OnnxElementType.Float, size);
        var ones = Enumerable.Repeat(1f, size).ToArray();

        using var session = new InferenceSession(graph.ToBytes(new OnnxModelInfo()));
        using var input = OrtValue.CreateTensorValueFromMemory(ones, [size]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["x"], [input], ["product"]);

        Assert.Equal(weights, outputs[0].GetTensorDataAsSpan<float>().ToArray());
        Assert.Equal(size, graph.InitializerElementCount);
    }

    [Fact]
    public void A_node_reading_an_undefined_value_is_refused_by_name()
    {
        var graph = new OnnxGraphBuilder("g");
        graph.Input("x", OnnxElementType.Float, 1);

        var error = Assert.Throws<InvalidOperationException>(() => graph.Node("Add", "sum", ["x", "missing"]));

        Assert.Contains("'sum'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'missing'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, graph.NodeCount);
    }

    [Fact]
    public void Duplicate_value_and_node_names_are_refused()
    {
        var graph = new OnnxGraphBuilder("g");
        var x = graph.Input("x", OnnxElementType.Float, 1);
        graph.Node("Identity", "copy", [x]);

        Assert.Throws<InvalidOperationException>(() => graph.Initializer("x", [1f], 1));
        Assert.Throws<InvalidOperationException>(() => graph.Node("Identity", "copy", [x]));
        Assert.Throws<InvalidOperationException>(() => graph.Node("Identity", "other", [x], ["copy"]));
        // The refused node left nothing behind: its name is still free.
        graph.Node("Identity", "other", [x]);
        Assert.Equal(2, graph.NodeCount);
    }

    [Fact]
    public void An_initializer_whose_values_do_not_fill_its_shape_is_refused()
    {
        var graph = new OnnxGraphBuilder("g");

        var error = Assert.Throws<ArgumentException>(() => graph.Initializer("w", [1f, 2f, 3f], 2, 2));

        Assert.Contains("3 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_graph_without_outputs_or_with_an_unknown_output_is_refused()
    {
        var graph = new OnnxGraphBuilder("g");
        graph.Input("x", OnnxElementType.Float, 1);

        Assert.Throws<InvalidOperationException>(() => graph.ToBytes(new OnnxModelInfo()));
        Assert.Throws<InvalidOperationException>(() => graph.Output("y", OnnxElementType.Float, 1));
    }

    // The same computation written out by hand: add the bias per last axis, LeakyRelu(0.5), then
    // DepthToSpace CRD of the channel-first [8, 2, 2] block into [2, 4, 4]:
    // input channel c = (output channel · 4) + (dy · 2) + dx.
    private static float[] Reference(float[] x, int batch)
    {
        var result = new float[batch * 32];
        for (var b = 0; b < batch; b++)
        {
            for (var c = 0; c < 8; c++)
            {
                for (var h = 0; h < 2; h++)
                {
                    for (var w = 0; w < 2; w++)
                    {
                        var value = x[(b * 32) + (h * 16) + (w * 8) + c] + c;
                        value = value < 0 ? value * 0.5f : value;
                        var outChannel = c / 4;
                        var dy = c % 4 / 2;
                        var dx = c % 2;
                        result[(b * 32) + (outChannel * 16) + (((h * 2) + dy) * 4) + (w * 2) + dx] = value;
                    }
                }
            }
        }
        return result;
    }
}
