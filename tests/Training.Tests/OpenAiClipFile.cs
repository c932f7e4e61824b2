using System.Globalization;
using VfeTps.Stream.Training.Weights;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Tests;

/// <summary>
/// Writes a safetensors file laid out like OpenAI's CLIP state dict (its key names and shapes,
/// spelled out here from CLIP's architecture rather than taken from our model), filled with
/// random values.
/// </summary>
internal static class OpenAiClipFile
{
    public sealed record Layout(
        int VisionWidth, int VisionLayers, int PatchSize, int PositionGridSide,
        int TextWidth, int TextLayers, int VocabularySize, int ContextLength, int EmbeddingSize);

    public static Layout ViTB16 { get; } = new(768, 12, 16, 14, 512, 12, 49408, 77, 512);

    public static List<(string Key, long[] Shape)> Keys(Layout l)
    {
        var keys = new List<(string, long[])>
        {
            ("visual.conv1.weight", [l.VisionWidth, 3, l.PatchSize, l.PatchSize]),
            ("visual.class_embedding", [l.VisionWidth]),
            ("visual.positional_embedding", [(l.PositionGridSide * l.PositionGridSide) + 1, l.VisionWidth]),
            ("visual.ln_pre.weight", [l.VisionWidth]),
            ("visual.ln_pre.bias", [l.VisionWidth]),
        };
        keys.AddRange(Blocks("visual.transformer", l.VisionWidth, l.VisionLayers));
        keys.Add(("visual.ln_post.weight", [l.VisionWidth]));
        keys.Add(("visual.ln_post.bias", [l.VisionWidth]));
        keys.Add(("visual.proj", [l.VisionWidth, l.EmbeddingSize]));
        keys.Add(("token_embedding.weight", [l.VocabularySize, l.TextWidth]));
        keys.Add(("positional_embedding", [l.ContextLength, l.TextWidth]));
        keys.AddRange(Blocks("transformer", l.TextWidth, l.TextLayers));
        keys.Add(("ln_final.weight", [l.TextWidth]));
        keys.Add(("ln_final.bias", [l.TextWidth]));
        keys.Add(("text_projection", [l.TextWidth, l.EmbeddingSize]));
        keys.Add(("logit_scale", []));
        return keys;
    }

    public static void Write(string path, IEnumerable<(string Key, long[] Shape)> keys, ScalarType dtype, int seed)
    {
        var generator = new Generator((ulong)seed);
        var tensors = keys.Select(k => KeyValuePair.Create(k.Key, (randn(k.Shape, generator: generator) * 0.02f).to_type(dtype))).ToList();
        SafetensorsWriter.Write(path, tensors);
        foreach (var (_, t) in tensors)
            t.Dispose();
    }

    private static IEnumerable<(string, long[])> Blocks(string prefix, int width, int layers)
    {
        for (var i = 0; i < layers; i++)
        {
            var p = $"{prefix}.resblocks.{i.ToString(CultureInfo.InvariantCulture)}";
            yield return ($"{p}.attn.in_proj_weight", [3 * width, width]);
            yield return ($"{p}.attn.in_proj_bias", [3 * width]);
            yield return ($"{p}.attn.out_proj.weight", [width, width]);
            yield return ($"{p}.attn.out_proj.bias", [width]);
            yield return ($"{p}.ln_1.weight", [width]);
            yield return ($"{p}.ln_1.bias", [width]);
            yield return ($"{p}.mlp.c_fc.weight", [4 * width, width]);
            yield return ($"{p}.mlp.c_fc.bias", [4 * width]);
            yield return ($"{p}.mlp.c_proj.weight", [width, 4 * width]);
            yield return ($"{p}.mlp.c_proj.bias", [width]);
            yield return ($"{p}.ln_2.weight", [width]);
            yield return ($"{p}.ln_2.bias", [width]);
        }
    }
}
