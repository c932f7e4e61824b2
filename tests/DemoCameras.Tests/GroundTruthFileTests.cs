using System.Text.Json;

namespace VfeTps.Stream.DemoCameras.Tests;

/// <summary>The ground-truth file reads back as written, and a file that is not one gets a clear error.</summary>
public sealed class GroundTruthFileTests(SmallScene scene)
{
    [Fact]
    public void TheFileReadsBackAsWritten()
    {
        var path = Path.Combine(scene.Scene.Folder, SceneGroundTruth.FileName);
        var read = SceneGroundTruth.Read(path);
        Assert.Equal(File.ReadAllText(path), read.ToJson());
        Assert.Equal(TestScenes.Small, read.Options);
        Assert.Equal(scene.Truth.Appearances.Sum(a => a.Boxes.Count), read.Appearances.Sum(a => a.Boxes.Count));
        var first = read.Appearances[0];
        Assert.Equal(first.EnterFrame / (double)read.Camera(first.CameraId).FramesPerSecond, first.EnterSeconds, precision: 3);
    }

    [Fact]
    public void TheFileUsesCamelCaseNamesAndEnumStrings()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(scene.Scene.Folder, SceneGroundTruth.FileName)));
        var root = document.RootElement;
        var appearance = root.GetProperty("appearances")[0];
        Assert.Contains(appearance.GetProperty("direction").GetString(), new[] { "leftToRight", "rightToLeft" });
        Assert.Contains(appearance.GetProperty("viewpoint").GetString(), new[] { "front", "back", "leftSide", "rightSide" });
        Assert.Equal(JsonValueKind.String, root.GetProperty("identities")[0].GetProperty("attributes").GetProperty("upperColor").ValueKind);
        Assert.Equal(JsonValueKind.String, root.GetProperty("cameras")[0].GetProperty("facade").ValueKind);
        Assert.Equal(1, root.GetProperty("options").GetProperty("synthPedes").GetProperty("seed").GetInt32());
        Assert.NotEqual(0, root.GetProperty("identities")[0].GetProperty("captions").GetArrayLength());
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1, 2]")]
    [InlineData("{ \"formatVersion\": 99, \"options\": {}, \"cameras\": [], \"identities\": [], \"appearances\": [] }")]
    [InlineData("null")]
    public void AFileThatIsNotAGroundTruthIsRefusedClearly(string content)
    {
        using var folder = new TempDirectory();
        var path = folder.PathOf(SceneGroundTruth.FileName);
        File.WriteAllText(path, content);
        var error = Assert.Throws<InvalidDataException>(() => SceneGroundTruth.Read(path));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
