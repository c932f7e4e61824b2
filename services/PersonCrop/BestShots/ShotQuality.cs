namespace VfeTps.Stream.PersonCrop.BestShots;

/// <summary>A candidate shot's quality and the terms it is made of (each in [0, 1]).</summary>
/// <param name="Size">Box height relative to <see cref="BestShotOptions.FullQualityHeight"/>.</param>
/// <param name="Sharpness">Variance of the Laplacian of the crop, squashed: v / (v + <see cref="BestShotOptions.SharpnessScale"/>).</param>
/// <param name="Detector">The detector's score.</param>
/// <param name="Aspect">How close height / width is to a standing person's 2.5.</param>
/// <param name="TouchesBorder">The box reaches the frame's edge (the person is probably cut off).</param>
/// <param name="Total">The weighted sum, reduced when the box touches the border.</param>
public readonly record struct ShotQuality(double Size, double Sharpness, double Detector, double Aspect, bool TouchesBorder, float Total);
