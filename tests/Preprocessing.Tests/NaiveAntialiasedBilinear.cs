namespace VfeTps.Stream.Preprocessing.Tests;

/// <summary>
/// An independent, slow statement of antialiased bilinear resizing: every output pixel is the
/// normalised triangle-weighted sum of the source, evaluated in double precision in one step.
/// </summary>
internal static class NaiveAntialiasedBilinear
{
    public static double[] Resize(RgbImage image, int width, int height)
    {
        var columnWeights = AxisWeights(image.Width, width);
        var rowWeights = AxisWeights(image.Height, height);
        var result = new double[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var channel = 0; channel < 3; channel++)
                {
                    var sum = 0.0;
                    for (var sourceY = 0; sourceY < image.Height; sourceY++)
                    {
                        for (var sourceX = 0; sourceX < image.Width; sourceX++)
                        {
                            sum += rowWeights[y][sourceY] * columnWeights[x][sourceX]
                                * image.Pixels[(((sourceY * image.Width) + sourceX) * 3) + channel];
                        }
                    }

                    result[(((y * width) + x) * 3) + channel] = sum;
                }
            }
        }

        return result;
    }

    /// <summary>weights[output][source]: triangle of half-width max(1, scale) around the output's centre, normalised.</summary>
    private static double[][] AxisWeights(int inputSize, int outputSize)
    {
        var scale = (double)inputSize / outputSize;
        var halfWidth = Math.Max(scale, 1.0);
        var weights = new double[outputSize][];
        for (var output = 0; output < outputSize; output++)
        {
            var centre = (output + 0.5) * scale;
            weights[output] = new double[inputSize];
            for (var source = 0; source < inputSize; source++)
            {
                weights[output][source] = Math.Max(0.0, 1.0 - (Math.Abs(source + 0.5 - centre) / halfWidth));
            }

            var total = weights[output].Sum();
            for (var source = 0; source < inputSize; source++)
            {
                weights[output][source] /= total;
            }
        }

        return weights;
    }
}
