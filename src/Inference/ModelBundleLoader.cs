using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using VfeTps.Stream.Tokenizer;

namespace VfeTps.Stream.Inference;

/// <summary>
/// Loads and validates model bundles: the one loader every service uses. A bundle must pass every
/// <see cref="BundleCheckStage"/> in order (manifest, files and checksums, tokenizer, sessions,
/// signatures, probe); otherwise <see cref="Load"/> throws a <see cref="ModelBundleException"/>
/// listing what that stage found wrong, after disposing whatever it had opened. Nothing is shared
/// with bundles loaded earlier, so a refused bundle leaves a running model untouched.
/// </summary>
/// <remarks>
/// With <see cref="ExecutionProviderPreference.Auto"/> a bundle serves on CUDA only if CUDA loads,
/// opens both towers and runs the probe: when opening the towers fails, or the Signatures or Probe
/// stage fails with an error from a session (ONNX Runtime creates the cuBLAS and cuDNN handles on
/// the first run, so a GPU site without cuDNN fails there), the towers are reopened and checked
/// again on the CPU, with a warning that says why. A probe that runs but finds bad embeddings is
/// not retried. <see cref="ExecutionProviderPreference.Cuda"/> never falls back: it refuses the bundle.
/// </remarks>
public sealed class ModelBundleLoader
{
    private readonly InferenceOptions _options;
    private readonly ExecutionProviderSelector _selector;
    private readonly ILogger _logger;

    /// <param name="options">Session and batching options; copied, and validated here.</param>
    /// <param name="logger">Receives the provider choice, loads and refusals.</param>
    /// <param name="selector">Chooses the execution provider; by default ONNX Runtime's real CUDA-or-CPU choice.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ModelBundleLoader(InferenceOptions options, ILogger? logger = null, ExecutionProviderSelector? selector = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Clone();
        _options.ThrowIfInvalid();
        _logger = logger ?? NullLogger.Instance;
        _selector = selector ?? new ExecutionProviderSelector(_logger);
    }

    /// <summary>For dependency injection: options bound from configuration.</summary>
    public ModelBundleLoader(IOptions<InferenceOptions> options, ILogger<ModelBundleLoader>? logger = null)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value, logger)
    {
    }

    /// <summary>A copy of the options bundles are loaded with.</summary>
    public InferenceOptions Options => _options.Clone();

    /// <summary>Loads, validates and probes the bundle in <paramref name="bundleDirectory"/>.</summary>
    /// <exception cref="ModelBundleException">The bundle is invalid; the message says what is wrong.</exception>
    /// <exception cref="ExecutionProviderUnavailableException">CUDA is demanded and cannot be loaded.</exception>
    public ModelBundle Load(string bundleDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bundleDirectory);
        var directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(bundleDirectory));
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var bundle = LoadValidated(directory);
            _logger.BundleLoaded(bundle.Manifest.ModelVersion, directory, bundle.ExecutionProvider, stopwatch.ElapsedMilliseconds, bundle.Manifest.EmbeddingSize);
            return bundle;
        }
        catch (Exception error) when (error is ModelBundleException or ExecutionProviderUnavailableException)
        {
            _logger.BundleRefused(directory, error.Message);
            throw;
        }
    }

    private ModelBundle LoadValidated(string directory)
    {
        if (!Directory.Exists(directory))
            throw Refused(directory, BundleCheckStage.Manifest, "the bundle folder does not exist.");
        var manifest = BundleManifestJson.Read(Path.Combine(directory, BundleManifest.FileName));
        var tokenizerFiles = CheckFiles(directory, manifest);
        var tokenizer = LoadTokenizer(directory, manifest, tokenizerFiles);

        var (imageTower, textTower, provider) = OpenTowers(directory, manifest);
        try
        {
            return CheckTowers(directory, manifest, tokenizer, imageTower, textTower, provider);
        }
        catch (ModelBundleException error) when (
            provider == ExecutionProvider.Cuda && _options.ExecutionProvider == ExecutionProviderPreference.Auto && IsRunFailure(error))
        {
            // CUDA loaded and opened the towers but failed to run them: ONNX Runtime creates the
            // cuBLAS and cuDNN handles on the first run, so a site without cuDNN fails only here.
            _logger.CudaRunFallback(directory, error.Stage, string.Join(" ", error.Problems), CudaEnvironment.Diagnosis());
        }

        using var cpuOptions = ExecutionProviderSelector.CreateCpuOptions(_options);
        var cpu = TryOpenTowers(directory, manifest, cpuOptions);
        if (cpu.Problems.Count > 0)
            throw new ModelBundleException(directory, BundleCheckStage.Sessions, cpu.Problems, cpu.FirstError);
        return CheckTowers(directory, manifest, tokenizer, cpu.Image!, cpu.Text!, ExecutionProvider.Cpu);
    }

    /// <summary>A Signatures or Probe refusal caused by an error while using a session, rather than by what the towers declare or compute.</summary>
    private static bool IsRunFailure(ModelBundleException error) =>
        error.Stage is BundleCheckStage.Signatures or BundleCheckStage.Probe && error.InnerException is not null;

    /// <summary>The Signatures and Probe stages on open towers; disposes them when either fails.</summary>
    private ModelBundle CheckTowers(
        string directory, BundleManifest manifest, ClipTokenizer tokenizer, TowerSession imageTower, TowerSession textTower, ExecutionProvider provider)
    {
        try
        {
            CheckSignatures(directory, manifest, imageTower, textTower);
            var (imageEncoder, textEncoder) = Probe(
                directory,
                () => new ImageEncoder(imageTower, manifest.Image, _options.MaxBatchSize),
                () => new TextEncoder(textTower, tokenizer, manifest.Text.ContextLength, _options.MaxBatchSize, _options.MaxQueryCharacters));
            return new ModelBundle(directory, manifest, provider, imageEncoder, textEncoder, [imageTower, textTower]);
        }
        catch
        {
            imageTower.Dispose();
            textTower.Dispose();
            throw;
        }
    }

    private static void CheckSignatures(string directory, BundleManifest manifest, TowerSession imageTower, TowerSession textTower)
    {
        List<string> problems;
        try
        {
            problems = [.. TowerSignature.ForImage(manifest).Check(imageTower.Session), .. TowerSignature.ForText(manifest).Check(textTower.Session)];
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new ModelBundleException(
                directory, BundleCheckStage.Signatures, [$"reading the towers' inputs and outputs failed ({error.GetType().Name}): {error.Message}"], error);
        }
        if (problems.Count > 0)
            throw new ModelBundleException(directory, BundleCheckStage.Signatures, problems);
    }

    /// <summary>The Files stage; returns the tokenizer files, which it has checked like every other.</summary>
    private static TokenizerFiles CheckFiles(string directory, BundleManifest manifest)
    {
        var problems = new List<string>();
        var required = new List<(string Path, string Role)>
        {
            (manifest.Image.File, "image tower"),
            (manifest.Text.File, "text tower"),
            (manifest.Checkpoint, "checkpoint"),
        };

        // The tokenizer that will be loaded is whichever files TokenizerFiles.Locate prefers: those,
        // and not merely some listed tokenizer file, must be checksummed.
        var tokenizerDirectory = BundleRelativePath.Resolve(directory, manifest.Tokenizer.Directory);
        TokenizerFiles? tokenizerFiles = null;
        if (Directory.Exists(tokenizerDirectory) && TokenizerFiles.TryLocate(tokenizerDirectory, out tokenizerFiles))
        {
            required.AddRange(tokenizerFiles.Paths.Select(path => (BundleRelativePath.Relative(directory, path), "tokenizer")));
        }
        else
        {
            problems.Add(
                $"tokenizer files are missing: '{manifest.Tokenizer.Directory}/' holds none of {TokenizerFiles.VocabularyFileName} + " +
                $"{TokenizerFiles.MergesFileName}, {TokenizerFiles.ClipBpeFileName} or {TokenizerFiles.ClipBpeTextFileName}.");
        }

        foreach (var (path, role) in required)
        {
            if (!manifest.Files.ContainsKey(path))
                problems.Add($"'{path}' ({role}) is not listed in files, so its checksum cannot be verified.");
        }

        foreach (var (path, expected) in manifest.Files.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            var fullPath = BundleRelativePath.Resolve(directory, path);
            if (!File.Exists(fullPath))
            {
                problems.Add($"'{path}' is missing.");
                continue;
            }
            try
            {
                var actual = FileChecksum.Sha256Of(fullPath);
                if (actual != expected)
                    problems.Add($"'{path}' checksum mismatch: the manifest says SHA-256 {expected}, the file has {actual}.");
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                problems.Add($"'{path}' could not be read: {error.Message}");
            }
        }

        if (problems.Count > 0)
            throw new ModelBundleException(directory, BundleCheckStage.Files, problems);
        return tokenizerFiles!;
    }

    private static ClipTokenizer LoadTokenizer(string directory, BundleManifest manifest, TokenizerFiles files)
    {
        ClipTokenizer tokenizer;
        try
        {
            tokenizer = ClipTokenizer.Load(files);
        }
        catch (Exception error) when (error is TokenizerFormatException or IOException or UnauthorizedAccessException)
        {
            throw new ModelBundleException(directory, BundleCheckStage.Tokenizer, [$"the tokenizer could not be loaded: {error.Message}"], error);
        }
        if (tokenizer.VocabularySize != manifest.Tokenizer.VocabularySize)
        {
            throw Refused(directory, BundleCheckStage.Tokenizer,
                $"tokenizer vocabulary size mismatch: the manifest says {manifest.Tokenizer.VocabularySize}, the tokenizer files hold {tokenizer.VocabularySize} ids.");
        }
        if (tokenizer.EndOfTextId >= manifest.Tokenizer.VocabularySize || tokenizer.StartOfTextId >= manifest.Tokenizer.VocabularySize)
            throw Refused(directory, BundleCheckStage.Tokenizer, "the tokenizer's special token ids lie outside its vocabulary size.");
        return tokenizer;
    }

    /// <summary>The Sessions stage: both towers on the chosen provider (Auto retries on the CPU if CUDA cannot open them).</summary>
    private (TowerSession Image, TowerSession Text, ExecutionProvider Provider) OpenTowers(string directory, BundleManifest manifest)
    {
        using var configuration = _selector.Configure(_options);
        var (image, text, problems, firstError) = TryOpenTowers(directory, manifest, configuration.Options);
        if (problems.Count == 0)
            return (image!, text!, configuration.Provider);

        if (configuration.Provider == ExecutionProvider.Cuda && _options.ExecutionProvider == ExecutionProviderPreference.Auto)
        {
            using var cpuOptions = ExecutionProviderSelector.CreateCpuOptions(_options);
            var cpu = TryOpenTowers(directory, manifest, cpuOptions);
            if (cpu.Problems.Count == 0)
            {
                _logger.CudaSessionFallback(directory, string.Join(" ", problems));
                return (cpu.Image!, cpu.Text!, ExecutionProvider.Cpu);
            }
            (problems, firstError) = (cpu.Problems, cpu.FirstError);
        }
        throw new ModelBundleException(directory, BundleCheckStage.Sessions, problems, firstError);
    }

    private static (TowerSession? Image, TowerSession? Text, List<string> Problems, Exception? FirstError) TryOpenTowers(
        string directory, BundleManifest manifest, SessionOptions sessionOptions)
    {
        var problems = new List<string>();
        Exception? firstError = null;
        var image = TryOpen("image tower", manifest.Image.File, manifest.Image.Input, manifest.Image.Output);
        var text = TryOpen("text tower", manifest.Text.File, manifest.Text.Input, manifest.Text.Output);
        if (problems.Count == 0)
            return (image, text, problems, null);
        image?.Dispose();
        text?.Dispose();
        return (null, null, problems, firstError);

        TowerSession? TryOpen(string tower, string file, string input, string output)
        {
            try
            {
                var session = new InferenceSession(BundleRelativePath.Resolve(directory, file), sessionOptions);
                return new TowerSession(session, input, output, manifest.EmbeddingSize);
            }
            catch (OnnxRuntimeException error)
            {
                firstError ??= error;
                problems.Add($"{tower}: ONNX Runtime could not open '{file}' (not a valid ONNX model?): {error.Message}");
                return null;
            }
        }
    }

    /// <summary>
    /// The Probe stage: makes the encoders and runs the probe images and texts through them. Any
    /// error but cancellation, from ONNX Runtime or not (a buffer too large for an absurd input
    /// size, say), refuses the bundle at this stage with the error as inner exception.
    /// </summary>
    internal static (ImageEncoder Image, TextEncoder Text) Probe(string directory, Func<ImageEncoder> createImageEncoder, Func<TextEncoder> createTextEncoder)
    {
        var problems = new List<string>();
        Exception? firstError = null;
        var imageEncoder = ProbeTower("image tower", "image", createImageEncoder, encoder =>
        {
            var images = ProbeImages.Create(encoder.Preprocessor.Height, encoder.Preprocessor.Width);
            return (encoder.EmbedBatch(images), encoder.Embed(images[0]));
        });
        var textEncoder = ProbeTower("text tower", "text", createTextEncoder, encoder =>
            (encoder.EmbedUnchecked(ProbeTexts.All), encoder.EmbedUnchecked([ProbeTexts.All[0]]).Values));
        if (problems.Count > 0)
            throw new ModelBundleException(directory, BundleCheckStage.Probe, problems, firstError);
        return (imageEncoder!, textEncoder!);

        TEncoder? ProbeTower<TEncoder>(string tower, string input, Func<TEncoder> create, Func<TEncoder, (EmbeddingBatch All, float[] First)> embed)
            where TEncoder : class
        {
            try
            {
                var encoder = create();
                var (batch, first) = embed(encoder);
                var towerProblems = EmbeddingHealth.Check(tower, input, batch);
                if (towerProblems.Count == 0 && EmbeddingHealth.CheckBatchConsistency(tower, first, batch[0]) is { } batchProblem)
                    towerProblems.Add(batchProblem);
                problems.AddRange(towerProblems);
                return encoder;
            }
            catch (OnnxRuntimeException error)
            {
                firstError ??= error;
                problems.Add($"{tower}: running the probe {input}s failed: {error.Message}");
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                firstError ??= error;
                problems.Add($"{tower}: running the probe {input}s failed ({error.GetType().Name}): {error.Message}");
            }
            return null;
        }
    }

    private static ModelBundleException Refused(string directory, BundleCheckStage stage, string problem) =>
        new(directory, stage, [problem]);
}
