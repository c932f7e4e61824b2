namespace VfeTps.Stream.Evaluation;

/// <summary>A feature projected to the plane, for plotting.</summary>
/// <param name="X">First coordinate.</param>
/// <param name="Y">Second coordinate.</param>
public readonly record struct Point2D(double X, double Y);
