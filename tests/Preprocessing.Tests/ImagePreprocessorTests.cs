namespace VfeTps.Stream.Preprocessing.Tests;

public sealed class ImagePreprocessorTests
{
    [Fact]
    public void Preprocess_TwoByOneImage_WritesClipNormalisedPlanesInChwOrder()
    {
        // Pixels (255, 0, 128) and (0, 255, 64); each value is (pixel / 255 − mean) / std per channel.
        var image = new RgbImage(2, 1, [255, 0, 128, 0, 255, 64]);
        var preprocessor = new ImagePreprocessor(height: 1, width: 2, ImageNormalization.Clip);

        var values = preprocessor.Preprocess(image);

        float[] expected =
        [
            (float)((1.0 - 0.48145466) / 0.26862954), (float)((0.0 - 0.48145466) / 0.26862954),
            (float)((0.0 - 0.4578275) / 0.26130258), (float)((1.0 - 0.4578275) / 0.26130258),
            (float)(((128 / 255.0) - 0.40821073) / 0.27577711), (float)(((64 / 255.0) - 0.40821073) / 0.27577711),
        ];
        Assert.Equal(expected, values, (left, right) => Math.Abs(left - right) < 1e-5f);

        // The same numbers worked out by hand, so that a wrong formula in both places cannot pass.
        Assert.Equal(1.930336f, values[0], 5e-6f);
        Assert.Equal(-1.792263f, values[1], 5e-6f);
        Assert.Equal(-1.752097f, values[2], 5e-6f);
        Assert.Equal(2.074884f, values[3], 5e-6f);
        Assert.Equal(0.339949f, values[4], 5e-6f);
        Assert.Equal(-0.570136f, values[5], 5e-6f);
    }

    [Fact]
    public void Preprocess_UsesTorchvisionFloat32Arithmetic()
    {
        // ToTensor divides by 255 in float32, Normalize subtracts and divides in float32.
        var image = TestImages.Noise(3, 2, seed: 11);
        var preprocessor = new ImagePreprocessor(2, 3, ImageNormalization.Clip);

        var values = preprocessor.Preprocess(image);

        var mean = ImageNormalization.Clip.Mean;
        var deviation = ImageNormalization.Clip.StandardDeviation;
        for (var channel = 0; channel < 3; channel++)
        {
            for (var pixel = 0; pixel < 6; pixel++)
            {
                var expected = ((image.Pixels[(pixel * 3) + channel] / 255f) - mean[channel]) / deviation[channel];
                Assert.Equal(expected, values[(channel * 6) + pixel]);
            }
        }
    }

    [Fact]
    public void Preprocess_KeepsRowsAndColumnsInPlaceForATallInput()
    {
        // Height 3, width 2: a mix-up of the two would transpose or resize the image.
        var image = TestImages.Create(2, 3, (x, y) => ((byte)((y * 2) + x), 0, 0));
        var normalization = new ImageNormalization(new RgbTriplet(0f, 0f, 0f), new RgbTriplet(1f / 255f, 1f, 1f));
        var preprocessor = new ImagePreprocessor(height: 3, width: 2, normalization);

        var values = preprocessor.Preprocess(image);

        Assert.Equal(new float[] { 0, 1, 2, 3, 4, 5 }, values[..6], (left, right) => Math.Abs(left - right) < 1e-4f);
    }

    [Fact]
    public void Preprocess_ResizesToTheModelInputFirst()
    {
        var image = TestImages.Noise(40, 100, seed: 3);
        var preprocessor = new ImagePreprocessor(height: 32, width: 12, ImageNormalization.Clip);

        var direct = preprocessor.Preprocess(image);
        var viaResize = preprocessor.Preprocess(ImageResizer.Resize(image, 12, 32));

        Assert.Equal(3 * 32 * 12, direct.Length);
        Assert.Equal(viaResize, direct);
    }

    [Fact]
    public void PreprocessBatch_WritesEachImageAtItsOffset()
    {
        var preprocessor = new ImagePreprocessor(8, 4, ImageNormalization.Clip);
        RgbImage[] images = [TestImages.Noise(4, 8, 1), TestImages.Noise(9, 5, 2), TestImages.Gradient(30, 70)];

        var batch = preprocessor.PreprocessBatch(images);

        Assert.Equal(3 * preprocessor.ValuesPerImage, batch.Length);
        for (var index = 0; index < images.Length; index++)
        {
            Assert.Equal(preprocessor.Preprocess(images[index]), batch.AsSpan(index * preprocessor.ValuesPerImage, preprocessor.ValuesPerImage).ToArray());
        }
    }

    [Fact]
    public void Preprocess_GivesTheSameResultsFromManyThreadsAtOnce()
    {
        var preprocessor = new ImagePreprocessor(32, 12, ImageNormalization.Clip);
        var images = Enumerable.Range(0, 16).Select(seed => TestImages.Noise(20 + seed, 50 - seed, seed)).ToArray();
        var sequential = images.Select(preprocessor.Preprocess).ToArray();

        var parallel = new float[images.Length][];
        Parallel.For(0, images.Length * 4, index => parallel[index % images.Length] = preprocessor.Preprocess(images[index % images.Length]));

        Assert.Equal(sequential, parallel);
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(4, 0)]
    [InlineData(-384, 128)]
    public void Constructor_RejectsNonPositiveInputSizes(int height, int width)
    {
        Assert.ThrowsAny<ArgumentException>(() => new ImagePreprocessor(height, width, ImageNormalization.Clip));
    }

    [Theory]
    [InlineData(3 * 8 * 4 - 1)]
    [InlineData(3 * 8 * 4 + 1)]
    public void Preprocess_RejectsADestinationOfTheWrongSize(int length)
    {
        var preprocessor = new ImagePreprocessor(8, 4, ImageNormalization.Clip);

        var exception = Assert.Throws<ArgumentException>(() => preprocessor.Preprocess(TestImages.Noise(4, 8, 0), new float[length]));
        Assert.Contains("96", exception.Message);
    }

    [Fact]
    public void PreprocessBatch_RejectsADestinationThatDoesNotMatchTheImageCount()
    {
        var preprocessor = new ImagePreprocessor(8, 4, ImageNormalization.Clip);
        RgbImage[] images = [TestImages.Noise(4, 8, 0), TestImages.Noise(4, 8, 1)];

        Assert.Throws<ArgumentException>(() => preprocessor.PreprocessBatch(images, new float[preprocessor.ValuesPerImage * 3]));
    }
}
