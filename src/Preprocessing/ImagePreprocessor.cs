using System.Buffers;

namespace VfeTps.Stream.Preprocessing;

/// <summary>
/// Turns an image into the model's input: resized to the input size with <see cref="ImageResizer"/>
/// (when it differs), then normalised into planar CHW floats. The one implementation used by both
/// training and serving, so both feed the model identical numbers. Immutable and thread-safe.
/// </summary>
public sealed class ImagePreprocessor
{
    private const int LevelCount = 256;

    // Channel-major table of every possible normalised byte: exact and cheap per pixel.
    private readonly float[] _levels;

    /// <summary>Creates a preprocessor for a model whose input is <paramref name="height"/> rows by <paramref name="width"/> columns.</summary>
    /// <param name="height">Input rows (384 for the paper's configuration).</param>
    /// <param name="width">Input columns (128 for the paper's configuration).</param>
    /// <param name="normalization">Per-channel statistics; usually <see cref="ImageNormalization.Clip"/>.</param>
    public ImagePreprocessor(int height, int width, ImageNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(normalization);
        ImageGeometry.Validate(width, height);
        Height = height;
        Width = width;
        Normalization = normalization;
        _levels = new float[ImageGeometry.Channels * LevelCount];
        for (var channel = 0; channel < ImageGeometry.Channels; channel++)
        {
            for (var level = 0; level < LevelCount; level++)
            {
                _levels[(channel * LevelCount) + level] = normalization.Normalize(channel, (byte)level);
            }
        }
    }

    /// <summary>Model input rows.</summary>
    public int Height { get; }

    /// <summary>Model input columns.</summary>
    public int Width { get; }

    /// <summary>The per-channel statistics applied.</summary>
    public ImageNormalization Normalization { get; }

    /// <summary>Floats per image: <c>3 × Height × Width</c>.</summary>
    public int ValuesPerImage => ImageGeometry.Channels * Height * Width;

    /// <summary>Writes one image as CHW floats (all R, then all G, then all B; rows top to bottom).</summary>
    /// <param name="image">Any size; resized to <see cref="Height"/> × <see cref="Width"/> when it differs.</param>
    /// <param name="destination">Exactly <see cref="ValuesPerImage"/> floats.</param>
    public void Preprocess(RgbImage image, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (destination.Length != ValuesPerImage)
        {
            throw new ArgumentException(
                $"The destination holds {destination.Length} floats, but one 3×{Height}×{Width} image needs exactly {ValuesPerImage}.",
                nameof(destination));
        }

        if (image.Width == Width && image.Height == Height)
        {
            WritePlanes(image.Pixels, destination);
            return;
        }

        var length = ImageGeometry.RgbByteCount(Width, Height);
        var resized = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            ImageResizer.ResizeInto(image, Width, Height, resized.AsSpan(0, length));
            WritePlanes(resized.AsSpan(0, length), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(resized);
        }
    }

    /// <summary>Returns one image as a new array of CHW floats.</summary>
    public float[] Preprocess(RgbImage image)
    {
        var values = new float[ValuesPerImage];
        Preprocess(image, values);
        return values;
    }

    /// <summary>Writes N images one after the other as an N×3×H×W batch.</summary>
    /// <param name="images">The images, any sizes.</param>
    /// <param name="destination">Exactly <c>images.Count × </c><see cref="ValuesPerImage"/> floats.</param>
    public void PreprocessBatch(IReadOnlyList<RgbImage> images, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(images);
        var needed = (long)images.Count * ValuesPerImage;
        if (destination.Length != needed)
        {
            throw new ArgumentException(
                $"The destination holds {destination.Length} floats, but {images.Count} images of 3×{Height}×{Width} need exactly {needed}.",
                nameof(destination));
        }

        for (var index = 0; index < images.Count; index++)
        {
            Preprocess(images[index], destination.Slice(index * ValuesPerImage, ValuesPerImage));
        }
    }

    /// <summary>Returns N images as a new N×3×H×W array.</summary>
    public float[] PreprocessBatch(IReadOnlyList<RgbImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var values = new float[checked(images.Count * ValuesPerImage)];
        PreprocessBatch(images, values);
        return values;
    }

    private void WritePlanes(ReadOnlySpan<byte> rgb, Span<float> destination)
    {
        var planeSize = Height * Width;
        var red = destination[..planeSize];
        var green = destination.Slice(planeSize, planeSize);
        var blue = destination.Slice(2 * planeSize, planeSize);
        var redLevels = _levels.AsSpan(0, LevelCount);
        var greenLevels = _levels.AsSpan(LevelCount, LevelCount);
        var blueLevels = _levels.AsSpan(2 * LevelCount, LevelCount);
        for (int pixel = 0, offset = 0; pixel < planeSize; pixel++, offset += ImageGeometry.Channels)
        {
            red[pixel] = redLevels[rgb[offset]];
            green[pixel] = greenLevels[rgb[offset + 1]];
            blue[pixel] = blueLevels[rgb[offset + 2]];
        }
    }
}
