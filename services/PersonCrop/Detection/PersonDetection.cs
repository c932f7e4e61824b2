using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.Detection;

/// <summary>A person found in one frame: a box in frame pixels and the detector's confidence in [0, 1].</summary>
public readonly record struct PersonDetection(BoundingBox Box, float Score);
