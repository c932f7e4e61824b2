using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Models;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Tests;

public sealed class BlockMaskTests
{
    private static readonly ImageTowerConfig s_paperImage = ModelConfig.Paper.Image;

    [Fact]
    public void PaperMask_HasTwelveByFourBlocks_AndMasksSixtyPercentRoundedUp()
    {
        var mask = new BlockMask(s_paperImage, ModelConfig.Paper.TgMim);

        Assert.Equal(48, mask.BlockCount);
        Assert.Equal(29, mask.MaskedBlocks); // ⌈48 × 0.6⌉ = ⌈28.8⌉
    }

    [Theory]
    [InlineData(0.5, 24)]
    [InlineData(0.6, 29)]
    [InlineData(0.75, 36)]
    public void EverySample_MasksExactlyTheConfiguredShareOfPatches(double ratio, int blocks)
    {
        var mask = new BlockMask(s_paperImage, ModelConfig.Paper.TgMim with { MaskRatio = ratio });

        using var patches = mask.SamplePatchMask(8, new Generator(5));

        Assert.Equal(new long[] { 8, 192 }, patches.shape);
        using var perSample = patches.sum(1);
        foreach (var count in perSample.data<float>())
            Assert.Equal(blocks * 4, count); // a 32-px block covers 2×2 patches of 16 px
    }

    [Fact]
    public void MaskedPatches_FormWholeAlignedBlocks()
    {
        var mask = new BlockMask(s_paperImage, ModelConfig.Paper.TgMim);

        using var patches = mask.SamplePatchMask(4, new Generator(11));
        using var grid = patches.reshape(4, 12, 2, 4, 2); // [B, blockRow, 2, blockCol, 2]
        using var perBlock = grid.sum([2, 4]);

        foreach (var value in perBlock.data<float>())
            Assert.True(value is 0 or 4, $"a block is partly masked ({value} of 4 patches)");
    }

    [Fact]
    public void MasksAreDrawnAfreshForEachSample()
    {
        var mask = new BlockMask(s_paperImage, ModelConfig.Paper.TgMim);

        using var patches = mask.SamplePatchMask(16, new Generator(2));
        using var first = patches[0].unsqueeze(0);
        using var same = patches.eq(first).all(1);

        Assert.True(same.sum().item<long>() < 16, "every sample got the same mask");
    }

    [Fact]
    public void PixelMask_CoversEachMaskedPatchWithPatchSizeSquarePixels()
    {
        var tiny = ModelConfig.Tiny;
        var mask = new BlockMask(tiny.Image, tiny.TgMim);
        using var patches = zeros(1, tiny.Image.PatchCount);
        patches[0, 5] = 1; // row 1, column 1 of the 12×4 patch grid

        using var pixels = mask.ToPixels(patches);

        Assert.Equal(new long[] { 1, 1, 96, 32 }, pixels.shape);
        Assert.Equal(64, pixels.sum().item<float>());
        Assert.Equal(64, pixels[0, 0, 8..16, 8..16].sum().item<float>());
    }
}
