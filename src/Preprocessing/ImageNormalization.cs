namespace VfeTps.Stream.Preprocessing;

/// <summary>
/// Per-channel normalisation of 8-bit pixels: <c>(pixel / 255 − mean) / std</c>, in float32 and in
/// that order, as torchvision's <c>ToTensor</c> followed by <c>Normalize</c> computes it.
/// </summary>
public sealed record ImageNormalization
{
    /// <summary>Builds a normalisation from per-channel means and standard deviations (on the 0–1 scale).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A mean is not finite, or a standard deviation is not finite and positive.</exception>
    public ImageNormalization(RgbTriplet mean, RgbTriplet standardDeviation)
    {
        for (var channel = 0; channel < ImageGeometry.Channels; channel++)
        {
            if (!float.IsFinite(mean[channel]))
            {
                throw new ArgumentOutOfRangeException(nameof(mean), mean, $"Channel {channel}'s mean must be a finite number.");
            }

            if (!float.IsFinite(standardDeviation[channel]) || standardDeviation[channel] <= 0f)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(standardDeviation), standardDeviation, $"Channel {channel}'s standard deviation must be finite and positive.");
            }
        }

        Mean = mean;
        StandardDeviation = standardDeviation;
    }

    /// <summary>OpenAI CLIP's image statistics, which the CLIP image tower was trained with.</summary>
    public static ImageNormalization Clip { get; } = new(
        new RgbTriplet(0.48145466f, 0.4578275f, 0.40821073f),
        new RgbTriplet(0.26862954f, 0.26130258f, 0.27577711f));

    /// <summary>Per-channel means, R, G, B.</summary>
    public RgbTriplet Mean { get; }

    /// <summary>Per-channel standard deviations, R, G, B.</summary>
    public RgbTriplet StandardDeviation { get; }

    /// <summary>The normalised value of one 8-bit sample of channel 0, 1 or 2.</summary>
    public float Normalize(int channel, byte value) => ((value / 255f) - Mean[channel]) / StandardDeviation[channel];
}
