namespace VfeTps.Stream.Training.Trainer;

/// <summary>
/// The files of one training run, all in one folder so that a run can be inspected, resumed and
/// evaluated from its path alone.
/// </summary>
public sealed class TrainingRunFolder
{
    public TrainingRunFolder(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    /// <summary>The effective recipe (with the vocabulary size and identity count filled in).</summary>
    public string Recipe => Combine("recipe.json");

    public string Tokenizer => Combine("tokenizer");

    public string Checkpoints => Combine("checkpoints");

    /// <summary>Written after every epoch and on interruption; what <c>--resume</c> continues from.</summary>
    public string LastCheckpoint => Combine("checkpoints", "last.safetensors");

    /// <summary>The epoch with the best validation mAP so far.</summary>
    public string BestCheckpoint => Combine("checkpoints", "best.safetensors");

    /// <summary>What evaluation and publishing use: the best checkpoint, else the last one.</summary>
    public string PreferredCheckpoint => File.Exists(BestCheckpoint) ? BestCheckpoint : LastCheckpoint;

    /// <summary>One JSON object per epoch: losses, learning rate, validation metrics, time.</summary>
    public string MetricsLog => Combine("metrics.jsonl");

    public string LossPlot => Combine("loss.png");

    public string ValidationPlot => Combine("validation.png");

    public string Evaluation => Combine("evaluation");

    public void Create()
    {
        Directory.CreateDirectory(Path);
        Directory.CreateDirectory(Checkpoints);
    }

    private string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
