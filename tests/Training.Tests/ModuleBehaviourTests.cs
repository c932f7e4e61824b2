using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Models;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Tests;

public sealed class ModuleBehaviourTests
{
    [Fact]
    public void PixelShuffle_PutsChannelBlockOfEachColourIntoRowMajorSubpixels()
    {
        // Channel c·r² + i·r + j goes to colour c, pixel (i, j) of each r×r cell (PyTorch's
        // order, and ONNX DepthToSpace in CRD mode, which the exported graph must use).
        using var channels = arange(12, ScalarType.Float32).reshape(1, 12, 1, 1);

        using var pixels = nn.functional.pixel_shuffle(channels, 2);

        Assert.Equal(new long[] { 1, 3, 2, 2 }, pixels.shape);
        for (var c = 0; c < 3; c++)
        {
            for (var i = 0; i < 2; i++)
            {
                for (var j = 0; j < 2; j++)
                    Assert.Equal((c * 4) + (i * 2) + j, pixels[0, c, i, j].item<float>());
            }
        }
    }

    [Fact]
    public void TgMimDecoder_ReconstructsAFullImageFromPatchTokens()
    {
        var config = ModelConfig.Tiny;
        using var decoder = new TgMimDecoder("tgmim", config.Image, config.EmbeddingSize, config.TgMim);
        using var imageTokens = randn(2, config.Image.PatchCount + 1, config.EmbeddingSize);
        using var textTokens = randn(2, 77, config.EmbeddingSize);

        using var pixels = decoder.call(imageTokens, textTokens);

        Assert.Equal(new long[] { 2, 3, 96, 32 }, pixels.shape);
    }

    [Fact]
    public void TgMimDecoder_IsGuidedByTheText()
    {
        // Cross-attention takes its keys and values from the text, so another caption must change
        // the reconstruction (the released code's image-only attention would not).
        var config = ModelConfig.Tiny;
        using var decoder = new TgMimDecoder("tgmim", config.Image, config.EmbeddingSize, config.TgMim);
        using var imageTokens = randn(1, config.Image.PatchCount + 1, config.EmbeddingSize);
        using var caption = randn(1, 77, config.EmbeddingSize);
        using var otherCaption = randn(1, 77, config.EmbeddingSize);

        using var a = decoder.call(imageTokens, caption);
        using var b = decoder.call(imageTokens, otherCaption);

        Assert.True((a - b).abs().max().item<float>() > 1e-3);
    }

    [Fact]
    public void TextTower_IsCausal_EarlierPositionsIgnoreLaterTokens()
    {
        using var tower = new TextTower("text", ModelConfig.Tiny.Text, ModelConfig.Tiny.EmbeddingSize);
        using var a = tensor(new long[,] { { 4094, 10, 11, 12, 13, 14, 4095, 0 } });
        using var b = tensor(new long[,] { { 4094, 10, 11, 12, 99, 98, 97, 4095 } });

        using var outA = tower.call(a);
        using var outB = tower.call(b);

        using var prefixA = outA.Tokens[.., ..4];
        using var prefixB = outB.Tokens[.., ..4];
        Assert.True(prefixA.allclose(prefixB, rtol: 1e-5, atol: 1e-6));
        Assert.False(outA.Tokens[0, 4].allclose(outB.Tokens[0, 4], rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void TextTower_TakesTheGlobalFeatureAtEndOfText()
    {
        using var tower = new TextTower("text", ModelConfig.Tiny.Text, ModelConfig.Tiny.EmbeddingSize);
        using var ids = tensor(new long[,] { { 4094, 10, 11, 4095, 0, 0 }, { 4094, 10, 11, 12, 13, 4095 } });

        using var output = tower.call(ids);

        Assert.True(output.Global[0].allclose(output.Tokens[0, 3]));
        Assert.True(output.Global[1].allclose(output.Tokens[1, 5]));
        Assert.False(output.Global[0].allclose(output.Tokens[0, 5]));
    }

    [Fact]
    public void ImageTower_ReturnsClassTokenAsGlobalFeature_AndOneTokenPerPatch()
    {
        var config = ModelConfig.Tiny;
        using var tower = new ImageTower("visual", config.Image, config.EmbeddingSize, MaskTokenKind.Learned);
        using var pixels = randn(2, 3, 96, 32);

        using var output = tower.call(pixels, null);

        Assert.Equal(new long[] { 2, 49, 128 }, output.Tokens.shape);
        Assert.True(output.Global.allclose(output.Tokens[.., 0]));
    }

    [Fact]
    public void ImageTower_MaskChangesTheEncoding_AndZeroMaskTokenMatchesZeroedPatches()
    {
        var config = ModelConfig.Tiny;
        using var tower = new ImageTower("visual", config.Image, config.EmbeddingSize, MaskTokenKind.Zero);
        using var pixels = randn(1, 3, 96, 32);
        using var mask = zeros(1, config.Image.PatchCount);
        mask[0, ..8] = 1;
        // Zeroing the first 8 patches' pixels gives zero patch embeddings (the convolution has no bias).
        using var zeroed = pixels.clone();
        zeroed[.., .., ..16, ..] = 0;

        using var plain = tower.call(pixels, null);
        using var masked = tower.call(pixels, mask);
        using var blanked = tower.call(zeroed, null);

        Assert.False(plain.Global.allclose(masked.Global, rtol: 1e-4, atol: 1e-5));
        Assert.True(masked.Tokens.allclose(blanked.Tokens, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void PositionTable_KeepsClassSlot_AndInterpolatesBilinearlyWithoutAlignedCorners()
    {
        // Grid 2×1 with values 0 and 4 → 4×1. With align_corners = false the source coordinates
        // are −0.25, 0.25, 0.75, 1.25 (clamped at the ends): 0, 1, 3, 4.
        using var table = tensor(new float[,] { { 9 }, { 0 }, { 4 } });

        using var resized = PositionTable.Resize(table, 2, 1, 4, 1);

        Assert.Equal(new float[] { 9, 0, 1, 3, 4 }, resized.data<float>().ToArray());
    }

    [Fact]
    public void PositionTable_ResizesClip14x14To24x8_KeepingAConstantFieldConstant()
    {
        using var table = ones(197, 768) * 0.5f;
        table[0] = 3;

        using var resized = PositionTable.Resize(table, 14, 14, 24, 8);

        Assert.Equal(new long[] { 193, 768 }, resized.shape);
        Assert.True(resized[0].eq(3).all().item<bool>());
        Assert.True((resized[1..] - 0.5f).abs().max().item<float>() < 1e-6);
    }

    [Fact]
    public void PositionTable_RejectsATableThatDoesNotMatchItsGrid()
    {
        using var table = ones(10, 4);

        Assert.Throws<ArgumentException>(() => PositionTable.Resize(table, 14, 14, 24, 8));
    }
}
