using VfeTps.Stream.Preprocessing;
using VfeTps.Stream.Training.Trainer;

namespace VfeTps.Stream.Training.Data;

/// <summary>
/// The reference code's training transforms on an image already at the model's input size:
/// random horizontal flip, zero padding + random crop back to size, then CLIP normalisation (the
/// shared <see cref="ImagePreprocessor"/>), then random erasing of a rectangle (set to the mean
/// colour, which is 0 after normalisation).
/// </summary>
public sealed class ImageAugmenter
{
    private readonly AugmentationSettings _settings;
    private readonly ImagePreprocessor _preprocessor;
    private readonly int _height;
    private readonly int _width;
    private readonly int _pad;

    public ImageAugmenter(AugmentationSettings settings, ImagePreprocessor preprocessor, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(preprocessor);
        _settings = settings;
        _preprocessor = preprocessor;
        _height = height;
        _width = width;
        // The recipe's padding is given for 384-pixel-high inputs; keep the same share of the image.
        _pad = (int)Math.Round(settings.PadPixels * height / 384.0);
    }

    /// <summary>Writes one augmented, normalised CHW image into <paramref name="destination"/>.</summary>
    public void Augment(RgbImage image, Random random, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(random);
        if (image.Width != _width || image.Height != _height)
            throw new ArgumentException($"Expected a {_width}×{_height} image, got {image.Width}×{image.Height}.", nameof(image));
        var flip = _settings.HorizontalFlip && random.Next(2) == 1;
        var shiftX = _pad > 0 ? random.Next(-_pad, _pad + 1) : 0;
        var shiftY = _pad > 0 ? random.Next(-_pad, _pad + 1) : 0;
        var moved = flip || shiftX != 0 || shiftY != 0 ? Shift(image, flip, shiftX, shiftY) : image;
        _preprocessor.Preprocess(moved, destination);
        if (_settings.RandomErasing && random.NextDouble() < _settings.ErasingProbability)
            Erase(destination, random);
    }

    // Flip, then crop a window displaced by (dx, dy) from a zero-padded copy.
    private RgbImage Shift(RgbImage image, bool flip, int dx, int dy)
    {
        var source = image.Pixels;
        var pixels = new byte[source.Length];
        for (var y = 0; y < _height; y++)
        {
            var sy = y + dy;
            if (sy < 0 || sy >= _height)
                continue;
            for (var x = 0; x < _width; x++)
            {
                var sx = x + dx;
                if (sx < 0 || sx >= _width)
                    continue;
                var fromX = flip ? _width - 1 - sx : sx;
                var from = ((sy * _width) + fromX) * 3;
                var to = ((y * _width) + x) * 3;
                pixels[to] = source[from];
                pixels[to + 1] = source[from + 1];
                pixels[to + 2] = source[from + 2];
            }
        }
        return new RgbImage(_width, _height, pixels);
    }

    // torchvision's RandomErasing: area share and log-uniform aspect ratio, up to 10 tries.
    private void Erase(Span<float> chw, Random random)
    {
        var area = _height * _width;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var target = area * (_settings.ErasingMinArea + (random.NextDouble() * (_settings.ErasingMaxArea - _settings.ErasingMinArea)));
            var aspect = Math.Exp(Math.Log(0.3) + (random.NextDouble() * (Math.Log(1 / 0.3) - Math.Log(0.3))));
            var h = (int)Math.Round(Math.Sqrt(target * aspect));
            var w = (int)Math.Round(Math.Sqrt(target / aspect));
            if (h >= _height || w >= _width || h < 1 || w < 1)
                continue;
            var top = random.Next(_height - h + 1);
            var left = random.Next(_width - w + 1);
            for (var c = 0; c < 3; c++)
            {
                for (var y = top; y < top + h; y++)
                    chw.Slice((c * area) + (y * _width) + left, w).Clear();
            }
            return;
        }
    }
}
