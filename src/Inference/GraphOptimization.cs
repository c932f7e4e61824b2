namespace VfeTps.Stream.Inference;

/// <summary>How much ONNX Runtime rewrites a graph before running it (its <c>GraphOptimizationLevel</c>).</summary>
public enum GraphOptimization
{
    /// <summary>No rewriting: the graph runs as exported. The fallback when an optimisation misbehaves.</summary>
    Disabled,

    /// <summary>Semantics-preserving clean-ups: constant folding, redundant node removal.</summary>
    Basic,

    /// <summary>Basic plus node fusions (e.g. GELU, layer normalisation, attention).</summary>
    Extended,

    /// <summary>Everything, layout changes included: ONNX Runtime's default and the fastest.</summary>
    All,
}
