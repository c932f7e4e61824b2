using SkiaSharp;

namespace VfeTps.Stream.SynthPedes.Tests;

public sealed class CameraTests
{
    private static readonly DegradationSettings Defaults = new();

    [Fact]
    public void CameraProfile_IsDeterministicAndVariesAcrossASite()
    {
        var site = Enumerable.Range(1, 6).Select(n => CameraProfile.Create(seed: 3, n, Defaults)).ToList();
        var again = Enumerable.Range(1, 6).Select(n => CameraProfile.Create(seed: 3, n, Defaults)).ToList();

        Assert.Equal(site.Select(c => (c.Facade, c.WallColor, c.Brightness, c.JpegQuality)), again.Select(c => (c.Facade, c.WallColor, c.Brightness, c.JpegQuality)));
        Assert.Equal(4, site.Select(c => c.Facade).Distinct().Count());
        Assert.True(site.Select(c => c.Brightness).Distinct().Count() > 1);
    }

    [Fact]
    public void ShotConditions_KeepThePersonBetweenSeventyAndAHundredPercentOfTheHeight()
    {
        var random = new Random(1);
        var camera = CameraProfile.Create(seed: 1, number: 1, Defaults);
        foreach (var identity in new IdentitySampler(seed: 1).Sample(300))
        {
            var view = random.Pick(Enum.GetValues<Viewpoint>());
            var shot = ShotConditions.Sample(camera, identity.Attributes, view, Defaults, random);

            Assert.InRange(shot.PersonHeight, 0.7f, 1f);
            Assert.InRange(shot.PersonBottom, shot.PersonHeight, 1f);
            Assert.InRange(shot.JpegQuality, Defaults.JpegQualityMin, Defaults.JpegQualityMax);
        }
    }

    [Fact]
    public void ShotConditions_OccludeAboutAsOftenAsAsked()
    {
        var random = new Random(2);
        var camera = CameraProfile.Create(seed: 1, number: 2, Defaults);
        var settings = Defaults with { OcclusionProbability = 0.5 };

        var occluded = Enumerable.Range(0, 1000)
            .Count(_ => ShotConditions.Sample(camera, Looks.Plain(), Viewpoint.Front, settings, random).Occluder != OccluderKind.None);

        Assert.InRange(occluded, 430, 570);
    }

    [Fact]
    public void ToneAndNoise_NeutralShotWithoutNoise_LeavesPixelsUnchanged_AndNoiseHasTheRequestedStrength()
    {
        var neutral = ShotConditions.Sample(CameraProfile.Create(1, 1, Defaults), Looks.Plain(), Viewpoint.Front, Defaults, new Random(1)) with
        {
            Brightness = 1f,
            Contrast = 1f,
            Gain = (1f, 1f, 1f),
            NoiseSigma = 0f,
        };
        var original = Enumerable.Range(0, 64 * 64 * 4).Select(i => (byte)(i % 4 == 3 ? 255 : 60 + (i % 131))).ToArray();

        var clean = original.ToArray();
        ImageDegradation.ToneAndNoise(clean, neutral, new Random(1));
        var noisy = original.ToArray();
        ImageDegradation.ToneAndNoise(noisy, neutral with { NoiseSigma = 10f }, new Random(1));

        Assert.Equal(original, clean);
        var differences = Enumerable.Range(0, original.Length).Where(i => i % 4 != 3).Select(i => (double)(noisy[i] - original[i])).ToList();
        var sigma = Math.Sqrt(differences.Average(d => d * d));
        Assert.InRange(sigma, 8.0, 13.0);
    }

    [Fact]
    public void EncodeJpeg_WritesAJpegThatDecodesToTheSameSize()
    {
        using var bitmap = Pixels.Render(Looks.Plain(), Viewpoint.Front, 64, 192, new SKRect(0, 0, 64, 192));

        var low = ImageDegradation.EncodeJpeg(bitmap, 30);
        var high = ImageDegradation.EncodeJpeg(bitmap, 95);

        using var codec = SKCodec.Create(new MemoryStream(high));
        Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
        Assert.Equal(new SKSizeI(64, 192), codec.Info.Size);
        Assert.True(low.Length < high.Length);
    }
}
