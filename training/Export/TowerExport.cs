using VfeTps.Stream.Inference;
using VfeTps.Stream.Onnx;
using VfeTps.Stream.Training.Models;

namespace VfeTps.Stream.Export;

/// <summary>Writes both towers of a model as ONNX files.</summary>
public static class TowerExport
{
    /// <summary>The bundle's standard name for the image tower.</summary>
    public const string ImageFileName = ImageTowerManifest.DefaultFile;

    /// <summary>The bundle's standard name for the text tower.</summary>
    public const string TextFileName = TextTowerManifest.DefaultFile;

    /// <summary>Writes <see cref="ImageFileName"/> and <see cref="TextFileName"/> into <paramref name="directory"/>.</summary>
    public static ExportedTowers Write(VfeTpsModel model, string directory, string modelVersion)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        var info = new OnnxModelInfo
        {
            ProducerName = "VfeTps.Stream.Export",
            DocString = $"VFE-TPS model '{modelVersion}' ({model.Config.Name} configuration).",
            Metadata = new Dictionary<string, string>
            {
                ["model_version"] = modelVersion,
                ["configuration"] = model.Config.Name,
            },
        };
        var imagePath = Path.Combine(directory, ImageFileName);
        var textPath = Path.Combine(directory, TextFileName);
        var imageGraph = ImageTowerGraph.Build(model);
        WriteFile(imagePath, imageGraph, info with { DocString = info.DocString + " Image tower: pixels → embedding." });
        var textGraph = TextTowerGraph.Build(model);
        WriteFile(textPath, textGraph, info with { DocString = info.DocString + " Text tower: token ids → embedding." });
        return new ExportedTowers(imagePath, textPath, imageGraph.NodeCount, textGraph.NodeCount);
    }

    private static void WriteFile(string path, OnnxGraphBuilder graph, OnnxModelInfo info)
    {
        using var stream = File.Create(path);
        graph.WriteModel(stream, info);
    }
}
