using System.Text;
using VfeTps.Stream.Training.Weights;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Tests;

public sealed class SafetensorsTests
{
    [Fact]
    public void WriteThenRead_RoundTripsValuesTypesShapesAndMetadata()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("a.safetensors");
        using var floats = arange(6, ScalarType.Float32).reshape(2, 3) / 4;
        using var halves = tensor(new float[] { 0.5f, -2 }).to_type(ScalarType.Float16);
        using var longs = tensor(new long[] { long.MaxValue, -1 });
        using var scalar = tensor(42L);

        SafetensorsWriter.Write(path, new Dictionary<string, Tensor> { ["f"] = floats, ["h"] = halves, ["l"] = longs, ["s"] = scalar },
            new Dictionary<string, string> { ["epoch"] = "3" });

        using var reader = SafetensorsReader.Open(path);
        Assert.Equal("3", reader.Metadata["epoch"]);
        Assert.Equal("F16", reader.Entries["h"].DataType);
        Assert.Empty(reader.Entries["s"].Shape);
        using var f = reader.Read("f");
        using var h = reader.Read("h");
        using var l = reader.Read("l");
        using var s = reader.Read("s");
        Assert.True(f.equal(floats).all().item<bool>());
        Assert.Equal(new long[] { 2, 3 }, f.shape);
        Assert.Equal(ScalarType.Float16, h.dtype);
        Assert.Equal(new float[] { 0.5f, -2 }, h.to_type(ScalarType.Float32).data<float>().ToArray());
        Assert.Equal(new[] { long.MaxValue, -1L }, l.data<long>().ToArray());
        Assert.Equal(42L, s.item<long>());
    }

    [Fact]
    public void HeaderIsPaddedToEightBytes()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("a.safetensors");
        using var t = ones(3);
        SafetensorsWriter.Write(path, new Dictionary<string, Tensor> { ["weight"] = t });

        var bytes = File.ReadAllBytes(path);

        Assert.Equal(0, BitConverter.ToInt64(bytes, 0) % 8);
        Assert.Equal(8 + BitConverter.ToInt64(bytes, 0) + 12, bytes.Length);
    }

    [Fact]
    public void Open_RejectsATruncatedFile()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("a.safetensors");
        using var t = ones(100);
        SafetensorsWriter.Write(path, new Dictionary<string, Tensor> { ["weight"] = t });
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^40]);

        var error = Assert.Throws<InvalidDataException>(() => SafetensorsReader.Open(path));

        Assert.Contains("weight", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[2]}}")]
    [InlineData("{\"w\":{\"dtype\":\"Q4\",\"shape\":[1],\"data_offsets\":[0,4]}}")]
    public void Open_RejectsAMalformedHeader(string header)
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("bad.safetensors");
        var json = Encoding.UTF8.GetBytes(header);
        File.WriteAllBytes(path, [.. BitConverter.GetBytes((long)json.Length), .. json, .. new byte[8]]);

        var error = Assert.Throws<InvalidDataException>(() => SafetensorsReader.Open(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_RejectsAnImpossibleHeaderLength()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("bad.safetensors");
        File.WriteAllBytes(path, [.. BitConverter.GetBytes(1L << 40), .. new byte[16]]);

        Assert.Throws<InvalidDataException>(() => SafetensorsReader.Open(path));
    }
}
