using VfeTps.Stream.Tokenizer;

namespace VfeTps.Stream.Inference;

/// <summary>
/// Writes a model bundle: copies the towers, the tokenizer and the checkpoint into the layout the
/// manifest names, records each file's SHA-256, and writes <c>manifest.json</c> last, under a
/// temporary name renamed into place, so that a bundle whose writing failed or is still under way
/// never looks complete to <see cref="ModelBundleLoader"/>.
/// </summary>
public static class ModelBundleWriter
{
    private const string PartialManifestName = BundleManifest.FileName + ".partial";
    private static readonly string PlaceholderChecksum = new('0', 64);

    /// <summary>Writes a bundle into <paramref name="destination"/>, which must be absent or an empty folder.</summary>
    /// <param name="destination">The bundle folder.</param>
    /// <param name="manifest">
    /// Everything but <see cref="BundleManifest.Files"/>, which is computed here (any value given is
    /// replaced). File locations come from the manifest; its defaults give the standard layout.
    /// </param>
    /// <param name="sources">Where the files are now.</param>
    /// <returns>The manifest as written, with <see cref="BundleManifest.Files"/> filled in.</returns>
    /// <exception cref="IOException"><paramref name="destination"/> is a file or a folder that is not empty.</exception>
    /// <exception cref="FileNotFoundException">A source file is missing.</exception>
    /// <exception cref="ModelBundleException">The manifest is invalid.</exception>
    /// <exception cref="ArgumentException">Two files would land on the same path, or the tokenizer does not match the manifest.</exception>
    public static BundleManifest Write(string destination, BundleManifest manifest, ModelBundleSources sources)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(sources);

        var plan = Plan(manifest, sources);

        // Refuse an invalid manifest before copying anything: the reader's rules, applied to what
        // would be written (the checksums are placeholders until the files are copied).
        var placeholderFiles = plan.ToDictionary(copy => copy.RelativePath, _ => PlaceholderChecksum, StringComparer.Ordinal);
        BundleManifestJson.Parse(BundleManifestJson.Serialize(manifest with { Files = placeholderFiles }));
        CheckTokenizer(manifest, sources.Tokenizer);

        var root = Path.GetFullPath(destination);
        var createdRoot = PrepareDestination(root);
        try
        {
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var copy in plan)
            {
                var target = BundleRelativePath.Resolve(root, copy.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                files[copy.RelativePath] = FileChecksum.CopyWithSha256(copy.Source, target);
            }

            var complete = manifest with { Files = files };
            var partial = Path.Combine(root, PartialManifestName);
            using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(BundleManifestJson.SerializeToUtf8Bytes(complete));
                stream.Flush(flushToDisk: true);
            }
            File.Move(partial, Path.Combine(root, BundleManifest.FileName));
            return complete;
        }
        catch
        {
            RemovePartialBundle(root, createdRoot);
            throw;
        }
    }

    private static List<PlannedCopy> Plan(BundleManifest manifest, ModelBundleSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources.Tokenizer);
        var plan = new List<PlannedCopy>
        {
            new(manifest.Image.File, RequireFile(sources.ImageTower, "image tower")),
            new(manifest.Text.File, RequireFile(sources.TextTower, "text tower")),
        };
        var tokenizer = sources.Tokenizer;
        if (tokenizer.Format == TokenizerFileFormat.HuggingFace)
        {
            plan.Add(new($"{manifest.Tokenizer.Directory}/{TokenizerFiles.VocabularyFileName}", RequireFile(tokenizer.VocabularyPath!, "tokenizer vocabulary")));
            plan.Add(new($"{manifest.Tokenizer.Directory}/{TokenizerFiles.MergesFileName}", RequireFile(tokenizer.MergesPath, "tokenizer merges")));
        }
        else
        {
            // The name tells TokenizerFiles.Locate which file to pick; keep a compressed one compressed.
            var name = tokenizer.MergesPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
                ? TokenizerFiles.ClipBpeFileName
                : TokenizerFiles.ClipBpeTextFileName;
            plan.Add(new($"{manifest.Tokenizer.Directory}/{name}", RequireFile(tokenizer.MergesPath, "tokenizer merge list")));
        }
        plan.Add(new(manifest.Checkpoint, RequireFile(sources.Checkpoint, "checkpoint")));

        var duplicate = plan.GroupBy(copy => copy.RelativePath, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Two bundle files would both be written to '{duplicate.Key}'; give them different paths in the manifest.", nameof(manifest));
        return plan;
    }

    private static void CheckTokenizer(BundleManifest manifest, TokenizerFiles files)
    {
        var vocabularySize = ClipTokenizer.Load(files).VocabularySize;
        if (vocabularySize != manifest.Tokenizer.VocabularySize)
        {
            throw new ArgumentException(
                $"The manifest's tokenizer.vocabularySize is {manifest.Tokenizer.VocabularySize}, but the tokenizer files hold {vocabularySize} ids.",
                nameof(manifest));
        }
    }

    private static string RequireFile(string path, string role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return File.Exists(path) ? path : throw new FileNotFoundException($"The {role} file '{path}' does not exist.", path);
    }

    /// <summary>Creates the folder or checks that it is empty; true when it was created here.</summary>
    private static bool PrepareDestination(string root)
    {
        if (File.Exists(root))
            throw new IOException($"Cannot write a model bundle to '{root}': it is a file.");
        if (Directory.Exists(root))
        {
            if (Directory.EnumerateFileSystemEntries(root).Any())
                throw new IOException($"Refusing to overwrite '{root}': the folder is not empty. Bundles are immutable; write a new one under another name.");
            return false;
        }
        Directory.CreateDirectory(root);
        return true;
    }

    private static void RemovePartialBundle(string root, bool createdRoot)
    {
        try
        {
            if (createdRoot)
            {
                Directory.Delete(root, recursive: true);
                return;
            }
            foreach (var entry in Directory.EnumerateFileSystemEntries(root))
            {
                if (Directory.Exists(entry))
                    Directory.Delete(entry, recursive: true);
                else
                    File.Delete(entry);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Best effort: the folder has no manifest, so it is never taken for a bundle.
        }
    }

    private sealed record PlannedCopy(string RelativePath, string Source);
}
