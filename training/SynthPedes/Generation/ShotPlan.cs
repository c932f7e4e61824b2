namespace VfeTps.Stream.SynthPedes;

/// <summary>Everything decided about one image before it is drawn; drawing it needs nothing else.</summary>
internal sealed record ShotPlan(
    string Split,
    int PersonId,
    int ImageIndex,
    CameraProfile Camera,
    Viewpoint View,
    ShotConditions Shot,
    PedestrianAttributes Person,
    IReadOnlyList<string> Captions)
{
    /// <summary><c>images/{split}/{personId:D5}/c{camera}_{n}.jpg</c>, n 1-based within the identity.</summary>
    public string RelativePath => $"images/{Split}/{PersonId:D5}/c{Camera.Number}_{ImageIndex + 1}.jpg";

    public AnnotationEntry ToAnnotation() => new()
    {
        Split = Split,
        Captions = Captions,
        FilePath = RelativePath,
        Id = PersonId,
        Attributes = Person,
        Camera = Camera.Number,
        Viewpoint = View,
    };
}
