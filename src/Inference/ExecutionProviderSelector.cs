using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace VfeTps.Stream.Inference;

/// <summary>
/// Chooses the execution provider and builds session options for it. <see cref="ExecutionProviderPreference.Auto"/>
/// appends CUDA and falls back to the CPU when that throws (the provider library, a CUDA library or
/// the driver is missing); <see cref="ExecutionProviderPreference.Cuda"/> throws instead;
/// <see cref="ExecutionProviderPreference.Cpu"/> never touches CUDA. Every choice is logged with its reason.
/// A CUDA provider that loads here can still fail to open or run the towers; <see cref="ModelBundleLoader"/>
/// then falls back to the CPU under <see cref="ExecutionProviderPreference.Auto"/>.
/// </summary>
public sealed class ExecutionProviderSelector
{
    private readonly Action<SessionOptions, int> _appendCuda;
    private readonly ILogger _logger;

    /// <summary>A selector that loads ONNX Runtime's real CUDA provider.</summary>
    public ExecutionProviderSelector(ILogger? logger = null)
        : this(AppendCudaProvider, logger)
    {
    }

    /// <summary>A selector with another way of appending CUDA (tests simulate a machine with or without it).</summary>
    /// <param name="appendCuda">Appends the CUDA provider for a device id; throws when it cannot.</param>
    /// <param name="logger">Where the choice is logged.</param>
    public ExecutionProviderSelector(Action<SessionOptions, int> appendCuda, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(appendCuda);
        _appendCuda = appendCuda;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Session options for <paramref name="options"/>, with the provider chosen and logged.</summary>
    /// <exception cref="ExecutionProviderUnavailableException">CUDA is demanded and cannot be loaded.</exception>
    public SessionConfiguration Configure(InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        if (options.ExecutionProvider == ExecutionProviderPreference.Cpu)
        {
            const string reason = "configured (ExecutionProvider = Cpu)";
            _logger.ExecutionProviderChosen(ExecutionProvider.Cpu, reason);
            return new SessionConfiguration(CreateCpuOptions(options), ExecutionProvider.Cpu, reason);
        }

        var sessionOptions = CreateCpuOptions(options);
        try
        {
            _appendCuda(sessionOptions, options.CudaDeviceId);
        }
        catch (Exception error) when (IsProviderLoadFailure(error))
        {
            sessionOptions.Dispose();
            var why = $"the CUDA execution provider could not be loaded ({error.GetType().Name}: {error.Message}). {CudaEnvironment.Diagnosis()}";
            if (options.ExecutionProvider == ExecutionProviderPreference.Cuda)
                throw new ExecutionProviderUnavailableException($"ExecutionProvider is Cuda, but {why}", error);

            var reason = $"Auto fell back to the CPU because {why}";
            if (CudaEnvironment.DriverPresent)
                _logger.ExecutionProviderFallback(ExecutionProvider.Cpu, reason);
            else
                _logger.ExecutionProviderChosen(ExecutionProvider.Cpu, reason);
            return new SessionConfiguration(CreateCpuOptions(options), ExecutionProvider.Cpu, reason);
        }
        catch
        {
            sessionOptions.Dispose();
            throw;
        }

        var chosen = $"CUDA device {options.CudaDeviceId} ({(options.ExecutionProvider == ExecutionProviderPreference.Cuda ? "configured" : "Auto: the CUDA provider loaded")})";
        _logger.ExecutionProviderChosen(ExecutionProvider.Cuda, chosen);
        return new SessionConfiguration(sessionOptions, ExecutionProvider.Cuda, chosen);
    }

    /// <summary>Options for the CPU alone, with the thread and optimisation settings; nothing logged.</summary>
    internal static SessionOptions CreateCpuOptions(InferenceOptions options)
    {
        var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = options.OrtGraphOptimizationLevel,
            IntraOpNumThreads = options.IntraOpThreads,
            LogId = "VfeTps.Stream.Inference",
        };
        return sessionOptions;
    }

    // What a missing provider library, CUDA library or driver looks like from .NET.
    private static bool IsProviderLoadFailure(Exception error) =>
        error is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException;

    [ExcludeFromCodeCoverage(Justification = "Needs an NVIDIA GPU; the fallback around it is tested with a stand-in.")]
    private static void AppendCudaProvider(SessionOptions sessionOptions, int deviceId) =>
        sessionOptions.AppendExecutionProvider_CUDA(deviceId);
}
