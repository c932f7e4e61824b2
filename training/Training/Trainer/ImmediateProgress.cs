namespace VfeTps.Stream.Training.Trainer;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls its handler on the reporting thread at once
/// (<see cref="Progress{T}"/> posts to the thread pool, so reports arrive late and out of order).
/// </summary>
public sealed class ImmediateProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
