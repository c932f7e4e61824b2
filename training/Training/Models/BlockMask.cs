using VfeTps.Stream.Training.Configuration;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Models;

/// <summary>
/// SimMIM-style block masking for TG-MIM: the image is cut into square blocks, a fixed fraction of
/// them (rounded up) is chosen afresh for every sample, and the choice is expanded to the patch
/// grid (one block covers (block/patch)² patches) and to pixels (for the L1 loss).
/// </summary>
public sealed class BlockMask
{
    private readonly ImageTowerConfig _image;
    private readonly int _blocksHigh;
    private readonly int _blocksWide;
    private readonly int _patchesPerBlock;

    public BlockMask(ImageTowerConfig image, TgMimConfig config)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(config);
        _image = image;
        _blocksHigh = image.Height / config.MaskBlockSize;
        _blocksWide = image.Width / config.MaskBlockSize;
        _patchesPerBlock = config.MaskBlockSize / image.PatchSize;
        MaskedBlocks = (int)Math.Ceiling(BlockCount * config.MaskRatio);
    }

    public int BlockCount => _blocksHigh * _blocksWide;

    /// <summary>How many blocks each sample has masked.</summary>
    public int MaskedBlocks { get; }

    /// <summary>A fresh mask per sample: [batch, patches] float, 1 = masked.</summary>
    public Tensor SamplePatchMask(long batch, Generator? generator = null, Device? device = null)
    {
        using var scope = NewDisposeScope();
        var order = rand(batch, BlockCount, generator: generator).argsort(1);
        var blocks = zeros(batch, BlockCount);
        blocks.scatter_(1, order[.., ..MaskedBlocks], ones(batch, MaskedBlocks));
        return ToPatches(blocks).to(device ?? CPU).MoveToOuterDisposeScope();
    }

    /// <summary>Expands a block mask [B, blocks] to the patch grid [B, patches] (row-major).</summary>
    public Tensor ToPatches(Tensor blockMask)
    {
        ArgumentNullException.ThrowIfNull(blockMask);
        using var scope = NewDisposeScope();
        var grid = blockMask.reshape(-1, _blocksHigh, _blocksWide)
            .repeat_interleave(_patchesPerBlock, 1)
            .repeat_interleave(_patchesPerBlock, 2);
        return grid.reshape(-1, _image.PatchCount).MoveToOuterDisposeScope();
    }

    /// <summary>Expands a patch mask [B, patches] to pixels [B, 1, H, W].</summary>
    public Tensor ToPixels(Tensor patchMask)
    {
        ArgumentNullException.ThrowIfNull(patchMask);
        using var scope = NewDisposeScope();
        var grid = patchMask.reshape(-1, 1, _image.GridHeight, _image.GridWidth)
            .repeat_interleave(_image.PatchSize, 2)
            .repeat_interleave(_image.PatchSize, 3);
        return grid.MoveToOuterDisposeScope();
    }
}
