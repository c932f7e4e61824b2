using System.Text.Json.Nodes;
using VfeTps.Stream.Preprocessing;

namespace VfeTps.Stream.Training.Tests;

/// <summary>
/// A tiny data set in the SynthPedes format, written by the test: each identity is a figure with
/// its own top and bottom colour on a noisy background, captioned with those colours.
/// </summary>
internal static class ColourPeopleDataset
{
    private static readonly (string Name, byte R, byte G, byte B)[] s_colours =
    [
        ("red", 200, 30, 30), ("green", 30, 160, 40), ("blue", 30, 60, 200), ("yellow", 220, 210, 40),
        ("black", 20, 20, 20), ("white", 235, 235, 235), ("purple", 130, 40, 160), ("orange", 240, 140, 20),
    ];

    /// <summary>Writes 14 identities (8 train, 3 validation, 3 test) × 4 images into <paramref name="root"/>.</summary>
    public static string Write(string root)
    {
        var entries = new JsonArray();
        for (var id = 1; id <= 14; id++)
        {
            var split = id <= 8 ? "train" : id <= 11 ? "val" : "test";
            var top = s_colours[id % 8];
            var bottom = s_colours[(id * 3 + 1) % 8];
            for (var n = 0; n < 4; n++)
            {
                var relative = $"images/{id:D3}_{n}.png";
                var random = new Random((id * 10) + n);
                var path = Path.Combine(root, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, ImageFiles.EncodePng(Figure(top, bottom, random)));
                entries.Add(new JsonObject
                {
                    ["split"] = split,
                    ["captions"] = new JsonArray($"a person in a {top.Name} top and {bottom.Name} trousers", $"someone wearing {bottom.Name} trousers with a {top.Name} shirt"),
                    ["file_path"] = relative,
                    ["id"] = id,
                });
            }
        }
        var annotation = Path.Combine(root, "synthpedes.json");
        File.WriteAllText(annotation, entries.ToJsonString());
        return root;
    }

    private static RgbImage Figure((string, byte R, byte G, byte B) top, (string, byte R, byte G, byte B) bottom, Random random)
    {
        const int width = 32, height = 96;
        var pixels = new byte[width * height * 3];
        var shift = random.Next(-3, 4);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = ((y * width) + x) * 3;
                var inBody = x >= 8 + shift && x < 24 + shift;
                var colour = !inBody || y < 10 ? ((byte)100, (byte)100, (byte)100) : y < 50 ? (top.R, top.G, top.B) : (bottom.R, bottom.G, bottom.B);
                var noise = random.Next(-20, 21);
                pixels[at] = (byte)Math.Clamp(colour.Item1 + noise, 0, 255);
                pixels[at + 1] = (byte)Math.Clamp(colour.Item2 + noise, 0, 255);
                pixels[at + 2] = (byte)Math.Clamp(colour.Item3 + noise, 0, 255);
            }
        }
        return new RgbImage(width, height, pixels);
    }
}
