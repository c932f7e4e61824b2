using System.Globalization;
using System.Text;

namespace VfeTps.Stream.SynthPedes;

/// <summary>The README.md written next to a generated set: what it is, how it was made, how many of what.</summary>
internal static class DatasetReadme
{
    public const string FileName = "README.md";

    public static void Write(SynthPedesOptions options, IReadOnlyList<ShotPlan> plans, IReadOnlyList<CameraProfile> cameras)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("# SynthPedes").AppendLine()
            .AppendLine("Synthetic pedestrians with two captions per image, in the CUHK-PEDES annotation format (`synthpedes.json`),")
            .AppendLine("made by `VfeTps.Stream.SynthPedes`. Every image and caption is generated; no real person appears. Same options, same bytes.")
            .AppendLine()
            .AppendLine("| split | identities | images | captions |")
            .AppendLine("|---|---:|---:|---:|");
        foreach (var split in (ReadOnlySpan<string>)[SplitNames.Train, SplitNames.Validation, SplitNames.Test])
        {
            var images = plans.Where(p => p.Split == split).ToList();
            text.AppendLine(c, $"| {split} | {images.Select(p => p.PersonId).Distinct().Count()} | {images.Count} | {images.Sum(p => p.Captions.Count)} |");
        }

        text.AppendLine().AppendLine("## Options").AppendLine()
            .AppendLine(c, $"- seed {options.Seed}; image size {options.ImageWidth}×{options.ImageHeight}; {options.MinImagesPerIdentity}–{options.MaxImagesPerIdentity} images per identity")
            .AppendLine(c, $"- {options.CameraCount} cameras; JPEG quality {options.JpegQualityMin}–{options.JpegQualityMax}")
            .AppendLine(c, $"- sibling share {options.SiblingShare:0.##} (look-alikes differing in 1–2 attributes, kept in the same split)")
            .AppendLine(c, $"- occlusion probability {options.OcclusionProbability:0.##}; noise strength {options.NoiseStrength:0.##}; blur strength {options.BlurStrength:0.##}")
            .AppendLine().AppendLine("## Cameras").AppendLine()
            .AppendLine("| camera | facade | brightness | contrast | blur σ (px @128) | resolution | noise σ | JPEG |")
            .AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var camera in cameras)
        {
            text.AppendLine(c, $"| {camera.Number} | {camera.Facade} | {camera.Brightness:0.00} | {camera.Contrast:0.00} | {camera.BlurSigma:0.00} | {camera.Resolution:0.00} | {camera.NoiseSigma:0.0} | {camera.JpegQuality} |");
        }

        text.AppendLine().AppendLine("## Files").AppendLine()
            .AppendLine("- `images/{split}/{personId:D5}/c{camera}_{n}.jpg` (n is 1-based within the identity)")
            .AppendLine("- `synthpedes.json`: array of `{split, captions[2], file_path, id, attributes, camera, viewpoint}`")
            .AppendLine("- `contact-sheet.png`: the first test identities, one row each");
        File.WriteAllText(Path.Combine(options.OutputDirectory, FileName), text.ToString().ReplaceLineEndings("\n"));
    }
}
