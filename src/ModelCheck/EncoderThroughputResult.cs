using VfeTps.Stream.Inference;

namespace VfeTps.Stream.ModelCheck;

/// <summary>What <c>vfetps-model bench</c> measured for one bundle on one execution provider.</summary>
/// <param name="ModelVersion">The bundle's version.</param>
/// <param name="ExecutionProvider">The provider the bundle ran on.</param>
/// <param name="CropsPerSecond">Image encoder throughput per batch size, preprocessing of 64×160 crops included.</param>
/// <param name="QueriesPerSecond">Text encoder throughput, one query per call, tokenisation included.</param>
/// <param name="ImageAgreementWithCpu">CUDA against CPU embeddings of the same crops; null when the bundle ran on the CPU.</param>
/// <param name="TextAgreementWithCpu">The same for queries.</param>
/// <param name="AgreesWithCpu">Both within the TF32 bar (<see cref="ParityResult.MaxAllowedDifferenceTf32"/>); null on the CPU.</param>
internal sealed record EncoderThroughputResult(
    string ModelVersion,
    string ExecutionProvider,
    IReadOnlyDictionary<int, double> CropsPerSecond,
    double QueriesPerSecond,
    ParityResult? ImageAgreementWithCpu,
    ParityResult? TextAgreementWithCpu,
    bool? AgreesWithCpu);
