using TorchSharp;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Models;

/// <summary>
/// Tensor–number arithmetic that keeps the native Scalar alive for the whole call. TorchSharp turns
/// a double into a Scalar whose managed wrapper the JIT may consider dead once its handle is read;
/// if a collection finalises it while libtorch still reads it, the step fails with a garbage
/// scalar ("Expected false to be true" in Scalar::toDouble), as seen once in a long Release run.
/// Holding the Scalar in a <c>using</c> keeps it reachable until the call has returned.
/// </summary>
public static class ScalarMath
{
    public static Tensor Times(this Tensor tensor, double value)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var scalar = value.ToScalar();
        return tensor.mul(scalar);
    }

    public static Tensor Plus(this Tensor tensor, double value)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var scalar = value.ToScalar();
        return tensor.add(scalar);
    }

    public static Tensor DividedBy(this Tensor tensor, double value)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var scalar = value.ToScalar();
        return tensor.div(scalar);
    }

    /// <summary><paramref name="value"/> − tensor.</summary>
    public static Tensor Subtracted(this Tensor tensor, double value)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var scalar = value.ToScalar();
        using var negated = tensor.neg();
        return negated.add(scalar);
    }

    public static Tensor AtLeast(this Tensor tensor, double value)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var scalar = value.ToScalar();
        return tensor.clamp_min(scalar);
    }
}
