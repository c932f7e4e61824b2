using System.Diagnostics;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// Generates a SynthPedes data set: plans every image, renders them in parallel (each from its own seed, so
/// the bytes never depend on scheduling), then writes the annotations, a contact sheet and a README.
/// </summary>
public static class SynthPedesGenerator
{
    /// <summary>Writes the data set described by <paramref name="options"/> and says what it wrote.</summary>
    /// <param name="options">What to generate; validated first.</param>
    /// <param name="progress">
    /// Told about every 0.5 % of images, from worker threads but one call at a time and with increasing counts;
    /// the last report has all images done.
    /// </param>
    /// <param name="cancellationToken">Stops rendering; no annotation file is written then.</param>
    public static SynthPedesSummary Generate(SynthPedesOptions options, IProgress<SynthPedesProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        var cameras = CreateCameras(options);
        var plans = PlanShots(options, cameras);
        PrepareFolders(options, plans);

        var done = 0;
        var reported = 0;
        var reporting = new Lock();
        var step = Math.Max(1, plans.Count / 200);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, plans.Count, parallel, i =>
        {
            var plan = plans[i];
            var random = SeedMixer.Create(options.Seed, plan.PersonId, plan.ImageIndex, ShotPlanner.StreamPixels);
            using var bitmap = CropComposer.Compose(plan.Person, plan.View, plan.Camera, plan.Shot, options.ImageWidth, options.ImageHeight, random);
            File.WriteAllBytes(Path.Combine(options.OutputDirectory, plan.RelativePath), ImageDegradation.EncodeJpeg(bitmap, plan.Shot.JpegQuality));
            var count = Interlocked.Increment(ref done);
            if (progress is not null && (count % step == 0 || count == plans.Count))
            {
                // One report at a time and never backwards, so a console progress line needs no locking.
                lock (reporting)
                {
                    if (count > reported)
                    {
                        reported = count;
                        progress.Report(new SynthPedesProgress(count, plans.Count));
                    }
                }
            }
        });

        var annotationFile = Path.Combine(options.OutputDirectory, SynthPedesAnnotations.FileName);
        SynthPedesAnnotations.Write(annotationFile, [.. plans.Select(p => p.ToAnnotation())]);
        var (sheetWidth, sheetHeight) = ContactSheet.Write(options, plans);
        DatasetReadme.Write(options, plans, cameras);
        File.WriteAllText(Path.Combine(options.OutputDirectory, SynthPedesRecipe.FileName), SynthPedesRecipe.From(options).ToJson());
        return new SynthPedesSummary
        {
            OutputDirectory = options.OutputDirectory,
            AnnotationFile = annotationFile,
            ContactSheetFile = Path.Combine(options.OutputDirectory, ContactSheet.FileName),
            ReadmeFile = Path.Combine(options.OutputDirectory, DatasetReadme.FileName),
            TrainIdentities = options.TrainIdentities,
            ValidationIdentities = options.ValidationIdentities,
            TestIdentities = options.TestIdentities,
            TrainImages = plans.Count(p => p.Split == SplitNames.Train),
            ValidationImages = plans.Count(p => p.Split == SplitNames.Validation),
            TestImages = plans.Count(p => p.Split == SplitNames.Test),
            ContactSheetWidth = sheetWidth,
            ContactSheetHeight = sheetHeight,
            Elapsed = clock.Elapsed,
        };
    }

    /// <summary>
    /// The annotations <see cref="Generate"/> writes for <paramref name="options"/> (ids, splits, attributes,
    /// captions; only the splits in <see cref="SynthPedesOptions.Splits"/>), without drawing or writing anything:
    /// lets a video-scene generator use exactly a split's identities, e.g. the test identities a model never saw.
    /// </summary>
    public static IReadOnlyList<AnnotationEntry> PlanAnnotations(SynthPedesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return [.. PlanShots(options, CreateCameras(options)).Select(plan => plan.ToAnnotation())];
    }

    private static List<CameraProfile> CreateCameras(SynthPedesOptions options) =>
        [.. Enumerable.Range(1, options.CameraCount).Select(number => CameraProfile.Create(options.Seed, number, options.Degradation))];

    private static List<ShotPlan> PlanShots(SynthPedesOptions options, List<CameraProfile> cameras) =>
        [.. ShotPlanner.Plan(options, cameras).Where(plan => options.Splits is null || options.Splits.Contains(plan.Split))];

    /// <summary>Replaces <c>images/</c> so files of an earlier, larger run cannot linger beside the new annotations.</summary>
    private static void PrepareFolders(SynthPedesOptions options, List<ShotPlan> plans)
    {
        var images = Path.Combine(options.OutputDirectory, "images");
        if (Directory.Exists(images))
        {
            Directory.Delete(images, recursive: true);
        }

        foreach (var folder in plans.Select(p => Path.GetDirectoryName(Path.Combine(options.OutputDirectory, p.RelativePath))).Distinct())
        {
            Directory.CreateDirectory(folder!);
        }
    }
}
