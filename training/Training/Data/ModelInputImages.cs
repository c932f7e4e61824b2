using System.Collections.Concurrent;
using VfeTps.Stream.Datasets;
using VfeTps.Stream.Preprocessing;

namespace VfeTps.Stream.Training.Data;

/// <summary>
/// The images of a split decoded and resized to the model's input size, kept in memory when they
/// fit the budget (decoding a JPEG costs more than a training step of the tiny model), otherwise
/// decoded on every use.
/// </summary>
public sealed class ModelInputImages
{
    private readonly IReadOnlyList<PersonImage> _images;
    private readonly int _height;
    private readonly int _width;
    private readonly RgbImage?[]? _cache;

    public ModelInputImages(IReadOnlyList<PersonImage> images, int height, int width, long cacheBudgetBytes)
    {
        ArgumentNullException.ThrowIfNull(images);
        _images = images;
        _height = height;
        _width = width;
        if ((long)images.Count * height * width * 3 <= cacheBudgetBytes)
            _cache = new RgbImage?[images.Count];
    }

    public int Count => _images.Count;

    public bool IsCached => _cache is not null;

    /// <summary>Decodes every image into the cache (in parallel), reporting progress; a no-op without a cache.</summary>
    public void Warm(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        if (_cache is null)
            return;
        var done = 0;
        Parallel.ForEach(Partitioner.Create(0, _images.Count, 64), new ParallelOptions { CancellationToken = cancellationToken }, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
                _cache[i] ??= Decode(i);
            progress?.Report(Interlocked.Add(ref done, range.Item2 - range.Item1));
        });
    }

    public RgbImage this[int index] => _cache is null ? Decode(index) : _cache[index] ??= Decode(index);

    private RgbImage Decode(int index)
    {
        var image = ImageFiles.Load(_images[index].ImagePath);
        return image.Width == _width && image.Height == _height ? image : ImageResizer.Resize(image, _width, _height);
    }
}
