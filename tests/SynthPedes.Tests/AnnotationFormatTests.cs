using System.Text.Json;
using SkiaSharp;

namespace VfeTps.Stream.SynthPedes.Tests;

public sealed class AnnotationFormatTests(SharedTinySet set) : IClassFixture<SharedTinySet>
{
    [Fact]
    public void Annotations_HaveTheCuhkPedesFieldsAndTheExtras()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(set.Summary.AnnotationFile));
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var names = entry.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(["split", "captions", "file_path", "id", "attributes", "camera", "viewpoint"], names);
            Assert.Contains(entry.GetProperty("split").GetString(), (string[])["train", "val", "test"]);
            Assert.Equal(2, entry.GetProperty("captions").GetArrayLength());
            Assert.All(entry.GetProperty("captions").EnumerateArray(), c => Assert.False(string.IsNullOrWhiteSpace(c.GetString())));
            Assert.True(entry.GetProperty("id").GetInt32() >= 1);
            Assert.Equal(JsonValueKind.String, entry.GetProperty("attributes").GetProperty("upperColor").ValueKind);
            Assert.Contains(entry.GetProperty("viewpoint").GetString(), (string[])["front", "back", "leftSide", "rightSide"]);
        }
    }

    [Fact]
    public void Annotations_PointAtExistingJpegsOfTheRequestedSize()
    {
        foreach (var entry in set.Entries)
        {
            Assert.DoesNotContain('\\', entry.FilePath);
            Assert.False(Path.IsPathRooted(entry.FilePath));
            Assert.Matches(@"^images/(train|val|test)/\d{5}/c\d+_\d+\.jpg$", entry.FilePath);
            Assert.StartsWith($"images/{entry.Split}/{entry.Id:D5}/c{entry.Camera}_", entry.FilePath, StringComparison.Ordinal);
            using var codec = SKCodec.Create(Path.Combine(set.Options.OutputDirectory, entry.FilePath));
            Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
            Assert.Equal(new SKSizeI(set.Options.ImageWidth, set.Options.ImageHeight), codec.Info.Size);
        }
    }

    [Fact]
    public void Ids_AreOneBasedConsecutiveAndEachInOneSplit()
    {
        var bySplit = set.Entries.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.Select(e => e.Split).Distinct().ToList());

        Assert.Equal(Enumerable.Range(1, set.Options.TotalIdentities), bySplit.Keys.Order());
        Assert.All(bySplit.Values, splits => Assert.Single(splits));
        Assert.All(set.Entries.GroupBy(e => e.Id), g => Assert.Single(g.Select(e => e.Attributes).Distinct()));
        Assert.Equal(set.Options.TotalIdentities, set.Entries.Select(e => e.Attributes).Distinct().Count());
    }

    [Fact]
    public void Counts_MatchTheOptions()
    {
        var o = set.Options;
        int Identities(string split) => set.Entries.Where(e => e.Split == split).Select(e => e.Id).Distinct().Count();

        Assert.Equal(o.TrainIdentities, Identities(SplitNames.Train));
        Assert.Equal(o.ValidationIdentities, Identities(SplitNames.Validation));
        Assert.Equal(o.TestIdentities, Identities(SplitNames.Test));
        Assert.All(set.Entries.GroupBy(e => e.Id), g => Assert.InRange(g.Count(), o.MinImagesPerIdentity, o.MaxImagesPerIdentity));
        Assert.Equal(set.Entries.Count, set.Summary.TotalImages);
        Assert.Equal(set.Entries.Count(e => e.Split == SplitNames.Test), set.Summary.TestImages);
    }

    [Fact]
    public void ImagesOfOneIdentity_ComeFromDifferentCameras()
    {
        foreach (var images in set.Entries.GroupBy(e => e.Id))
        {
            var expected = Math.Min(images.Count(), set.Options.CameraCount);
            Assert.Equal(expected, images.Select(e => e.Camera).Distinct().Count());
            Assert.All(images, e => Assert.InRange(e.Camera, 1, set.Options.CameraCount));
        }
    }

    [Fact]
    public void Progress_CountsUpToAllImagesDone()
    {
        var reports = set.Progress.Reports;

        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.Equal(set.Summary.TotalImages, r.ImagesTotal));
        Assert.Equal(set.Summary.TotalImages, reports[^1].ImagesDone);
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.First.ImagesDone < pair.Second.ImagesDone));
    }

    [Fact]
    public void ContactSheet_IsAPngOfTheReportedSize()
    {
        var bytes = File.ReadAllBytes(set.Summary.ContactSheetFile);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        using var codec = SKCodec.Create(new MemoryStream(bytes));

        Assert.Equal(SKEncodedImageFormat.Png, codec.EncodedFormat);
        Assert.Equal(new SKSizeI(set.Summary.ContactSheetWidth, set.Summary.ContactSheetHeight), codec.Info.Size);
        Assert.True(codec.Info.Width >= set.Options.MaxImagesPerIdentity * set.Options.ImageWidth);
        Assert.True(codec.Info.Height >= set.Options.ContactSheetIdentities * set.Options.ImageHeight);
    }

    [Fact]
    public void Readme_DescribesTheRun()
    {
        var readme = File.ReadAllText(set.Summary.ReadmeFile);

        Assert.Contains($"seed {set.Options.Seed}", readme, StringComparison.Ordinal);
        Assert.Contains($"| test | {set.Options.TestIdentities} | {set.Summary.TestImages} |", readme, StringComparison.Ordinal);
    }
}
