using System.Buffers;

namespace VfeTps.Stream.Preprocessing;

/// <summary>
/// Bilinear resizing with antialiasing, bit-identical to Pillow's <c>Image.resize(size, BILINEAR)</c>
/// (what torchvision's <c>Resize</c> does to the PIL images of the reference training code).
/// Plain C# integer arithmetic, so training and serving get the same bytes on every machine.
/// Thread-safe.
/// </summary>
/// <remarks>
/// Upscaling is ordinary bilinear interpolation with align_corners = false and edges clamped.
/// Downscaling widens the triangle filter by the reduction factor, so every source pixel
/// contributes (no aliasing from point sampling). Separable: a horizontal pass into an 8-bit
/// intermediate, then a vertical pass, each with weights computed once per axis.
/// </remarks>
public static class ImageResizer
{
    /// <summary>Returns a resized copy of <paramref name="source"/> (a copy even when the size is unchanged).</summary>
    /// <param name="source">The image to resize.</param>
    /// <param name="width">Output columns, positive.</param>
    /// <param name="height">Output rows, positive.</param>
    public static RgbImage Resize(RgbImage source, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(source);
        ImageGeometry.Validate(width, height);
        var pixels = new byte[ImageGeometry.RgbByteCount(width, height)];
        ResizeInto(source, width, height, pixels);
        return new RgbImage(width, height, pixels);
    }

    /// <summary>Resizes into a caller's buffer of exactly <c>width × height × 3</c> bytes (sizes already validated).</summary>
    internal static void ResizeInto(RgbImage source, int width, int height, Span<byte> destination)
    {
        var resizeColumns = width != source.Width;
        var resizeRows = height != source.Height;
        if (!resizeColumns && !resizeRows)
        {
            source.Pixels.CopyTo(destination);
            return;
        }

        if (!resizeRows)
        {
            ResizeRows(source.Pixels, source.Width, source.Height, ResamplingKernel.Bilinear(source.Width, width), width, destination);
            return;
        }

        var vertical = ResamplingKernel.Bilinear(source.Height, height);
        if (!resizeColumns)
        {
            ResizeColumns(source.Pixels, source.RowBytes, vertical, destination);
            return;
        }

        // Pillow's order: horizontal first, rounded to bytes, then vertical.
        var horizontal = ResamplingKernel.Bilinear(source.Width, width);
        var intermediateLength = ImageGeometry.RgbByteCount(width, source.Height);
        var intermediate = ArrayPool<byte>.Shared.Rent(intermediateLength);
        try
        {
            var rows = intermediate.AsSpan(0, intermediateLength);
            ResizeRows(source.Pixels, source.Width, source.Height, horizontal, width, rows);
            ResizeColumns(rows, width * ImageGeometry.Channels, vertical, destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(intermediate);
        }
    }

    /// <summary>Horizontal pass: every row from <paramref name="sourceWidth"/> to <paramref name="width"/> pixels.</summary>
    private static void ResizeRows(
        ReadOnlySpan<byte> source, int sourceWidth, int rowCount, ResamplingKernel kernel, int width, Span<byte> destination)
    {
        var sourceRowBytes = sourceWidth * ImageGeometry.Channels;
        var rowBytes = width * ImageGeometry.Channels;
        var starts = kernel.Starts;
        var counts = kernel.Counts;
        var weights = kernel.Weights;
        for (var y = 0; y < rowCount; y++)
        {
            var sourceRow = source.Slice(y * sourceRowBytes, sourceRowBytes);
            var row = destination.Slice(y * rowBytes, rowBytes);
            for (var x = 0; x < width; x++)
            {
                var taps = sourceRow.Slice(starts[x] * ImageGeometry.Channels, counts[x] * ImageGeometry.Channels);
                var k = weights.AsSpan(x * kernel.Stride, counts[x]);
                int red = ResamplingKernel.Rounding, green = ResamplingKernel.Rounding, blue = ResamplingKernel.Rounding;
                for (int tap = 0, offset = 0; tap < k.Length; tap++, offset += ImageGeometry.Channels)
                {
                    var weight = k[tap];
                    red += taps[offset] * weight;
                    green += taps[offset + 1] * weight;
                    blue += taps[offset + 2] * weight;
                }

                var target = x * ImageGeometry.Channels;
                row[target] = ResamplingKernel.Clip(red);
                row[target + 1] = ResamplingKernel.Clip(green);
                row[target + 2] = ResamplingKernel.Clip(blue);
            }
        }
    }

    /// <summary>Vertical pass: accumulates whole source rows per output row, which reads memory in order.</summary>
    private static void ResizeColumns(ReadOnlySpan<byte> source, int rowBytes, ResamplingKernel kernel, Span<byte> destination)
    {
        var sums = ArrayPool<int>.Shared.Rent(rowBytes);
        try
        {
            var sum = sums.AsSpan(0, rowBytes);
            for (var y = 0; y < kernel.Starts.Length; y++)
            {
                sum.Fill(ResamplingKernel.Rounding);
                var first = kernel.Starts[y];
                var k = kernel.Weights.AsSpan(y * kernel.Stride, kernel.Counts[y]);
                for (var tap = 0; tap < k.Length; tap++)
                {
                    var weight = k[tap];
                    var sourceRow = source.Slice((first + tap) * rowBytes, rowBytes);
                    for (var i = 0; i < sum.Length; i++)
                    {
                        sum[i] += sourceRow[i] * weight;
                    }
                }

                var row = destination.Slice(y * rowBytes, rowBytes);
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = ResamplingKernel.Clip(sum[i]);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(sums);
        }
    }
}
