using VfeTps.Stream.Training.Models;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Data;

/// <summary>A batch assembled on the CPU side (pixels, tokens, labels), ready to become tensors.</summary>
public sealed record PreparedBatch(int Epoch, int Step, int Count, float[] Pixels, long[] Tokens, long[] Labels, int Height, int Width, int ContextLength)
{
    public TrainingBatch ToTensors(Device? device = null)
    {
        var target = device ?? CPU;
        return new TrainingBatch(
            tensor(Pixels, [Count, 3, Height, Width]).to(target),
            tensor(Tokens, [Count, ContextLength]).to(target),
            tensor(Labels, [Count]).to(target));
    }
}
