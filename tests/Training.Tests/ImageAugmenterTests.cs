using VfeTps.Stream.Preprocessing;
using VfeTps.Stream.Training.Data;
using VfeTps.Stream.Training.Trainer;

namespace VfeTps.Stream.Training.Tests;

public sealed class ImageAugmenterTests
{
    private static readonly ImagePreprocessor s_preprocessor = new(96, 32, ImageNormalization.Clip);

    [Fact]
    public void WithAugmentationOff_TheOutputIsTheSharedPreprocessing()
    {
        var image = Gradient();
        var augmenter = new ImageAugmenter(new AugmentationSettings { HorizontalFlip = false, PadPixels = 0, RandomErasing = false }, s_preprocessor, 96, 32);
        var output = new float[3 * 96 * 32];

        augmenter.Augment(image, new Random(1), output);

        Assert.Equal(s_preprocessor.Preprocess(image), output);
    }

    [Fact]
    public void Flip_MirrorsEachRow()
    {
        var image = Gradient();
        var augmenter = new ImageAugmenter(new AugmentationSettings { PadPixels = 0, RandomErasing = false }, s_preprocessor, 96, 32);
        var plain = s_preprocessor.Preprocess(image);
        var output = new float[plain.Length];

        // Some seed flips and some does not: find both outcomes among a few draws.
        var outcomes = new HashSet<bool>();
        for (var seed = 0; seed < 16; seed++)
        {
            augmenter.Augment(image, new Random(seed), output);
            var flipped = output[0] == plain[31];
            Assert.True(flipped || output.AsSpan().SequenceEqual(plain));
            if (flipped)
                Assert.Equal(plain[(10 * 32) + 31 - 5], output[(10 * 32) + 5]);
            outcomes.Add(flipped);
        }
        Assert.Equal(2, outcomes.Count);
    }

    [Fact]
    public void RandomErasing_SetsARectangleToTheMeanColour()
    {
        var image = Gradient();
        var augmenter = new ImageAugmenter(
            new AugmentationSettings { HorizontalFlip = false, PadPixels = 0, ErasingProbability = 1 }, s_preprocessor, 96, 32);
        var output = new float[3 * 96 * 32];

        augmenter.Augment(image, new Random(3), output);

        var erased = Enumerable.Range(0, 96 * 32).Count(i => output[i] == 0 && output[(96 * 32) + i] == 0 && output[(2 * 96 * 32) + i] == 0);
        Assert.InRange(erased, (int)(0.02 * 96 * 32) - 16, (int)(0.4 * 96 * 32) + 16);
    }

    [Fact]
    public void RejectsAnImageOfAnotherSize()
    {
        var augmenter = new ImageAugmenter(new AugmentationSettings(), s_preprocessor, 96, 32);

        Assert.Throws<ArgumentException>(() => augmenter.Augment(new RgbImage(10, 10, new byte[300]), new Random(1), new float[3 * 96 * 32]));
    }

    // Red rises along x, green along y: every pixel differs from its mirror image.
    private static RgbImage Gradient()
    {
        var pixels = new byte[96 * 32 * 3];
        for (var y = 0; y < 96; y++)
        {
            for (var x = 0; x < 32; x++)
            {
                var at = ((y * 32) + x) * 3;
                pixels[at] = (byte)(x * 8);
                pixels[at + 1] = (byte)(y * 2);
                pixels[at + 2] = 128;
            }
        }
        return new RgbImage(32, 96, pixels);
    }
}
