namespace VfeTps.Stream.Training.Data;

/// <summary>One training sample: an image of the split and one of its captions.</summary>
public readonly record struct TrainingPair(int ImageIndex, int CaptionIndex);
