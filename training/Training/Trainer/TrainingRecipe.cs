using VfeTps.Stream.Training.Configuration;

namespace VfeTps.Stream.Training.Trainer;

/// <summary>
/// How to train: the paper's recipe by default (Adam, lr 1e-5, 60 epochs, batch 100, 5 warm-up
/// epochs from 0.1×, then cosine to 0; ×5 learning rate for the cross-attention modules, ×2 and no
/// weight decay for biases, as the reference code does), plus data, augmentation and start point.
/// Stored as JSON (<see cref="TrainingRecipeJson"/>) so every run is reproducible from its file.
/// </summary>
public sealed record TrainingRecipe
{
    /// <summary>The model; its vocabulary size and identity count are filled in from the data when training.</summary>
    public ModelConfig Model { get; init; } = ModelConfig.Paper;

    /// <summary>A data set folder or annotation file (CUHK-PEDES, ICFG-PEDES, RSTPReid, SynthPedes).</summary>
    public string? Dataset { get; init; }

    /// <summary>OpenAI CLIP weights (safetensors); null trains from scratch.</summary>
    public string? ClipWeights { get; init; }

    /// <summary>A folder with tokenizer files; null learns a vocabulary from the training captions.</summary>
    public string? Tokenizer { get; init; }

    /// <summary>Merges to learn when building a vocabulary from the captions.</summary>
    public int VocabularyMerges { get; init; } = 2000;

    public int Epochs { get; init; } = 60;
    public int BatchSize { get; init; } = 100;
    public OptimizerSettings Optimizer { get; init; } = new();
    public AugmentationSettings Augmentation { get; init; } = new();
    public BatchSampling Sampling { get; init; } = BatchSampling.Random;

    /// <summary>Images per identity in a batch when <see cref="Sampling"/> is IdentityBalanced.</summary>
    public int InstancesPerIdentity { get; init; } = 4;

    /// <summary>Validate (Rank-k, mAP on the validation split) every this many epochs; 0 = never.</summary>
    public int ValidateEveryEpochs { get; init; } = 1;

    public int Seed { get; init; } = 1;

    /// <summary>Stop after this many optimiser steps in total (for smoke tests); 0 = no limit.</summary>
    public int MaxSteps { get; init; }

    /// <summary>Throws with a message naming the first setting that cannot work.</summary>
    public TrainingRecipe Validated()
    {
        Model.Validated();
        if (Epochs < 1)
            throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Train for at least one epoch.");
        if (BatchSize < 2)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "CMPM needs at least 2 pairs per batch.");
        if (Sampling == BatchSampling.IdentityBalanced && (InstancesPerIdentity < 2 || BatchSize % InstancesPerIdentity != 0))
            throw new ArgumentException($"Identity-balanced batches need InstancesPerIdentity ≥ 2 dividing the batch size ({BatchSize}).");
        Optimizer.Validate(Epochs);
        Augmentation.Validate();
        return this;
    }
}
