namespace VfeTps.Stream.PersonCrop.Detection;

/// <summary>
/// Reads a YOLOv8/v11 detection head output, shape [1, 4 + classes, anchors]: per anchor the box
/// centre, width and height in input pixels, then one score per class (already sigmoid-ed).
/// An anchor counts as a person when the person class is its best class and scores at least the
/// threshold (as Ultralytics does with a class filter), so a box more likely to be a car than a
/// person is not reported as a person.
/// </summary>
internal static class YoloOutputDecoder
{
    public static List<ScoredBox> PersonCandidates(ReadOnlySpan<float> output, ReadOnlySpan<long> shape, int personClass, float threshold)
    {
        if (shape.Length != 3 || shape[0] != 1 || shape[1] < 5 || shape[2] < 0)
        {
            throw new InvalidDataException(
                $"A YOLO-style detection output is [1, 4 + classes, anchors]; this model gives [{string.Join(", ", shape.ToArray())}].");
        }

        var channels = (int)shape[1];
        var anchors = (int)shape[2];
        var classes = channels - 4;
        if (personClass >= classes)
            throw new InvalidDataException($"The model has {classes} classes; the person class index {personClass} is not among them.");
        if (output.Length != (long)channels * anchors)
            throw new InvalidDataException($"The output holds {output.Length} values, not {channels} × {anchors}.");

        var candidates = new List<ScoredBox>();
        for (var a = 0; a < anchors; a++)
        {
            var person = output[((4 + personClass) * anchors) + a];
            if (!(person >= threshold))
                continue;
            if (!IsBestClass(output, anchors, classes, a, personClass, person))
                continue;

            var cx = output[a];
            var cy = output[anchors + a];
            var w = output[(2 * anchors) + a];
            var h = output[(3 * anchors) + a];
            if (!(w > 0 && h > 0) || !float.IsFinite(cx) || !float.IsFinite(cy))
                continue;
            candidates.Add(new ScoredBox(cx - (w / 2), cy - (h / 2), cx + (w / 2), cy + (h / 2), person));
        }

        return candidates;
    }

    private static bool IsBestClass(ReadOnlySpan<float> output, int anchors, int classes, int anchor, int personClass, float person)
    {
        for (var c = 0; c < classes; c++)
        {
            if (c != personClass && output[((4 + c) * anchors) + anchor] > person)
                return false;
        }

        return true;
    }
}
