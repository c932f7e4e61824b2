namespace VfeTps.Stream.PersonCrop.Detection;

/// <summary>A candidate box as corners in model-input pixels, with its score.</summary>
internal readonly record struct ScoredBox(float X1, float Y1, float X2, float Y2, float Score)
{
    public float Area => Math.Max(0, X2 - X1) * Math.Max(0, Y2 - Y1);

    public float IntersectionOverUnion(ScoredBox other)
    {
        var width = Math.Min(X2, other.X2) - Math.Max(X1, other.X1);
        var height = Math.Min(Y2, other.Y2) - Math.Max(Y1, other.Y1);
        if (width <= 0 || height <= 0)
            return 0;

        var intersection = width * height;
        return intersection / (Area + other.Area - intersection);
    }
}
