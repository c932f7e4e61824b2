using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Models;

/// <summary>Resizes a ViT position table [1 + H·W, D] to another patch grid, keeping the class slot.</summary>
public static class PositionTable
{
    /// <summary>
    /// Bilinear interpolation with align_corners = false, as the reference code does when it adapts
    /// CLIP's 14×14 table to the 24×8 grid of 384×128 pedestrian crops.
    /// </summary>
    public static Tensor Resize(Tensor table, int sourceHeight, int sourceWidth, int targetHeight, int targetWidth)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.dim() != 2 || table.shape[0] != 1 + ((long)sourceHeight * sourceWidth))
            throw new ArgumentException(
                $"A position table for a {sourceHeight}×{sourceWidth} grid has {1 + (sourceHeight * sourceWidth)} rows; got shape [{string.Join(", ", table.shape)}].",
                nameof(table));
        if (sourceHeight == targetHeight && sourceWidth == targetWidth)
            return table.clone();

        using var scope = NewDisposeScope();
        var width = table.shape[1];
        var classSlot = table[..1];
        var grid = table[1..].reshape(1, sourceHeight, sourceWidth, width).permute(0, 3, 1, 2);
        var resized = nn.functional.interpolate(
            grid, size: [targetHeight, targetWidth], mode: InterpolationMode.Bilinear, align_corners: false);
        var rows = resized.permute(0, 2, 3, 1).reshape(targetHeight * targetWidth, width);
        return cat([classSlot, rows], 0).MoveToOuterDisposeScope();
    }
}
