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
        float[] expected;
        using (no_grad())
        using (var input = tensor(pixels, shape))
        using (var embedded = model.EmbedImages(input))
            expected = embedded.data<float>().ToArray();
        using var inputValue = OrtValue.CreateTensorValueFromMemory(pixels, shape);
        var actual = Run(imageOnnxPath, TowerGraphNames.Pixels, inputValue);
        return ParityResult.Compare(expected, actual, model.Config.EmbeddingSize);
    }

    /// <summary>Text tower parity on <paramref name="count"/> rows of token ids (N×L).</summary>
    public static ParityResult CompareTexts(VfeTpsModel model, string textOnnxPath, long[] tokenIds, int count)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tokenIds);
        if (count <= 0 || tokenIds.Length == 0 || tokenIds.Length % count != 0)
            throw new ArgumentException($"{tokenIds.Length} token ids cannot be split into {count} equal rows.", nameof(tokenIds));
        long[] shape = [count, tokenIds.Length / count];
        float[] expected;
        using (no_grad())
        using (var input = tensor(tokenIds, shape))
        using (var embedded = model.EmbedTexts(input))
            expected = embedded.data<float>().ToArray();
        using var inputValue = OrtValue.CreateTensorValueFromMemory(tokenIds, shape);
        var actual = Run(textOnnxPath, TowerGraphNames.TokenIds, inputValue);
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
