using VfeTps.Stream.Training.Losses;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Tests;

/// <summary>
/// Each loss against numbers worked out independently of this code (by hand from the paper's
/// formulas, with ε = 1e-8), on tensors small enough to check on paper.
/// </summary>
public sealed class LossTests
{
    private const double Epsilon = 1e-8;

    [Fact]
    public void Cmpm_MatchesHandComputedValue_ForTwoDistinctIdentities()
    {
        // Images (1,0), (0,1); captions (1,0), (1,1); cosines [[1, 1/√2], [0, 1/√2]]; τ = 0.5.
        using var images = tensor(new float[,] { { 1, 0 }, { 0, 1 } });
        using var texts = tensor(new float[,] { { 1, 0 }, { 1, 1 } });
        using var ids = tensor(new long[] { 0, 1 });

        using var loss = CmpmLoss.Compute(images, texts, ids, temperature: 0.5, Epsilon);

        Assert.Equal(9.69562351751392, loss.item<float>(), 4);
    }

    [Fact]
    public void Cmpm_SpreadsTargetOverCaptionsOfTheSameIdentity()
    {
        using var images = tensor(new float[,] { { 1, 0 }, { 0, 1 } });
        using var texts = tensor(new float[,] { { 1, 0 }, { 1, 1 } });
        using var ids = tensor(new long[] { 7, 7 });

        using var loss = CmpmLoss.Compute(images, texts, ids, temperature: 0.5, Epsilon);

        Assert.Equal(0.28394078906469533, loss.item<float>(), 5);
    }

    [Fact]
    public void Cmpm_IsZero_WhenPredictionEqualsTarget()
    {
        // One identity and identical features: p is uniform, and so is q.
        using var features = ones(3, 4);
        using var ids = zeros(3, ScalarType.Int64);

        using var loss = CmpmLoss.Compute(features, features, ids, temperature: 0.02, Epsilon);

        Assert.Equal(0, loss.item<float>(), 6);
    }

    [Fact]
    public void Cmpm_IgnoresFeatureLength_BecauseItUsesCosines()
    {
        using var images = tensor(new float[,] { { 1, 0 }, { 0, 1 } });
        using var longer = tensor(new float[,] { { 5, 0 }, { 0, 3 } });
        using var texts = tensor(new float[,] { { 1, 0 }, { 1, 1 } });
        using var ids = tensor(new long[] { 0, 1 });

        using var a = CmpmLoss.Compute(images, texts, ids, 0.5, Epsilon);
        using var b = CmpmLoss.Compute(longer, texts, ids, 0.5, Epsilon);

        Assert.Equal(a.item<float>(), b.item<float>(), 5);
    }

    [Fact]
    public void IsGvfc_MatchesHandComputedValue()
    {
        // Unit features with cosines 0.6 (1–2), 0 (1–3), 0.8 (2–3); identities 0, 0, 1; τ = 0.5.
        using var features = tensor(new float[,] { { 1, 0 }, { 0.6f, 0.8f }, { 0, 1 } });
        using var ids = tensor(new long[] { 0, 0, 1 });

        using var loss = IsGvfcLoss.Compute(features, ids, sampleSize: 20, temperature: 0.5, Epsilon);

        Assert.Equal(4.64360238945284, loss.item<float>(), 4);
    }

    [Fact]
    public void IsGvfc_IsZero_ForOneIdentityWithIdenticalFeatures()
    {
        using var features = ones(5, 3);
        using var ids = zeros(5, ScalarType.Int64);

        using var loss = IsGvfcLoss.Compute(features, ids, sampleSize: 20, temperature: 0.02, Epsilon);

        Assert.Equal(0, loss.item<float>(), 6);
    }

    [Fact]
    public void IsGvfc_UsesOnlySampleSizeImages()
    {
        // Four identical features, identities 0,0,1,1. With all four images the loss is 8.1706;
        // any two images give either ≈0 (same identity) or 8.5172 (different identities).
        using var features = ones(4, 2);
        using var ids = tensor(new long[] { 0, 0, 1, 1 });

        using var all = IsGvfcLoss.Compute(features, ids, sampleSize: 4, temperature: 1, Epsilon);
        Assert.Equal(8.170619591136266, all.item<float>(), 4);

        for (ulong seed = 0; seed < 8; seed++)
        {
            using var two = IsGvfcLoss.Compute(features, ids, sampleSize: 2, temperature: 1, Epsilon, new Generator(seed));
            var value = two.item<float>();
            Assert.True(Math.Abs(value) < 1e-5 || Math.Abs(value - 8.51719318641624) < 1e-4, $"unexpected value {value}");
        }
    }

    [Fact]
    public void MaskedPixelLoss_AveragesL1OverMaskedPixelsAndChannels()
    {
        // Target values 1..12 (channel-major), prediction 0, masked pixels (0,0) and (1,1):
        // |error| sums to (1+4)+(5+8)+(9+12) = 39 over 2 pixels and 3 channels.
        using var target = arange(1, 13, ScalarType.Float32).reshape(1, 3, 2, 2);
        using var prediction = zeros(1, 3, 2, 2);
        using var mask = tensor(new float[] { 1, 0, 0, 1 }).reshape(1, 1, 2, 2);

        using var loss = MaskedPixelLoss.Compute(prediction, target, mask);

        Assert.Equal(39.0 / 2.00001 / 3, loss.item<float>(), 4);
    }

    [Fact]
    public void MaskedPixelLoss_IsZero_WhenMaskedPixelsAreRight_WhateverTheRest()
    {
        using var target = arange(1, 13, ScalarType.Float32).reshape(1, 3, 2, 2);
        using var mask = tensor(new float[] { 1, 0, 0, 1 }).reshape(1, 1, 2, 2);
        using var prediction = target * (1 - mask) * 100 + target * mask;

        using var loss = MaskedPixelLoss.Compute(prediction, target, mask);

        Assert.Equal(0, loss.item<float>(), 6);
    }
}
