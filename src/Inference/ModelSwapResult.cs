namespace VfeTps.Stream.Inference;

/// <summary>The outcome of <see cref="ServingModel.TrySwap"/>.</summary>
/// <param name="Succeeded">True when the new bundle now serves.</param>
/// <param name="ModelVersion">The model serving after the call: the new one on success, the old one on failure.</param>
/// <param name="PreviousModelVersion">The model that served before the call.</param>
/// <param name="Error">Why the new bundle was refused (usually a <see cref="ModelBundleException"/> or an <see cref="ExecutionProviderUnavailableException"/>, but any error loading it gives a failed result); null on success.</param>
public sealed record ModelSwapResult(bool Succeeded, string ModelVersion, string PreviousModelVersion, Exception? Error)
{
    /// <summary>The refusal's message, or null on success.</summary>
    public string? Reason => Error?.Message;
}
