using Microsoft.ML.OnnxRuntime;
using VfeTps.Stream.Inference;
using VfeTps.Stream.Training.Models;
using static TorchSharp.torch;

namespace VfeTps.Stream.Export;

/// <summary>
/// Runs the same inputs through TorchSharp and through ONNX Runtime (CPU) and compares the
/// embeddings: what publishing and the parity tests rely on.
/// </summary>
public static class TowerParity
{
    /// <summary>Image tower parity on <paramref name="count"/> images given as N×3×H×W normalised floats.</summary>
    public static ParityResult CompareImages(VfeTpsModel model, string imageOnnxPath, float[] pixels, int count)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(pixels);
        var config = model.Config.Image;
        if (count <= 0 || pixels.Length != count * 3 * config.Height * config.Width)
            throw new ArgumentException($"{pixels.Length} floats are not {count} images of 3×{config.Height}×{config.Width}.", nameof(pixels));
        long[] shape = [count, 3, config.Height, config.Width];
        return Compare(model, imageOnnxPath, TowerGraphNames.Pixels, pixels, shape, () => tensor(pixels, shape), model.EmbedImages);
    }

    /// <summary>Text tower parity on <paramref name="count"/> rows of token ids (N×L).</summary>
    public static ParityResult CompareTexts(VfeTpsModel model, string textOnnxPath, long[] tokenIds, int count)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tokenIds);
        if (count <= 0 || tokenIds.Length == 0 || tokenIds.Length % count != 0)
            throw new ArgumentException($"{tokenIds.Length} token ids cannot be split into {count} equal rows.", nameof(tokenIds));
        long[] shape = [count, tokenIds.Length / count];
        return Compare(model, textOnnxPath, TowerGraphNames.TokenIds, tokenIds, shape, () => tensor(tokenIds, shape), model.EmbedTexts);
    }

    // The same values through TorchSharp (torchInput → embed) and through the ONNX graph.
    private static ParityResult Compare<T>(VfeTpsModel model, string onnxPath, string inputName, T[] values, long[] shape,
        Func<Tensor> torchInput, Func<Tensor, Tensor> embed)
        where T : unmanaged
    {
        float[] expected;
        using (no_grad())
        using (var input = torchInput())
        using (var embedded = embed(input))
            expected = embedded.data<float>().ToArray();
        using var inputValue = OrtValue.CreateTensorValueFromMemory(values, shape);
        var actual = Run(onnxPath, inputName, inputValue);
        return ParityResult.Compare(expected, actual, model.Config.EmbeddingSize);
    }

    private static float[] Run(string onnxPath, string inputName, OrtValue input)
    {
        using var options = new SessionOptions();
        using var session = new InferenceSession(onnxPath, options);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [inputName], [input], [TowerGraphNames.Embedding]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
