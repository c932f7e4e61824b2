using System.Text.Json;

namespace VfeTps.Stream.SynthPedes.Tests;

public sealed class AttributeJsonTests
{
    [Fact]
    public void Attributes_SerialiseWithCamelCaseNamesAndEnumStrings()
    {
        var look = Looks.Busy(BagType.ShoulderBag) with { UpperGarment = UpperGarment.LongCoat, UpperPattern = GarmentPattern.Checked };

        var json = JsonSerializer.Serialize(look, SynthPedesJsonContext.Default.PedestrianAttributes);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal("longCoat", root.GetProperty("upperGarment").GetString());
        Assert.Equal("shoulderBag", root.GetProperty("bag").GetString());
        Assert.Equal("orange", root.GetProperty("bagColor").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("headwearColor").ValueKind);
        Assert.True(root.GetProperty("glasses").GetBoolean());
    }

    [Fact]
    public void Attributes_RoundTrip()
    {
        foreach (var identity in new IdentitySampler(seed: 2).Sample(50))
        {
            var json = JsonSerializer.Serialize(identity.Attributes, SynthPedesJsonContext.Default.PedestrianAttributes);
            Assert.Equal(identity.Attributes, JsonSerializer.Deserialize(json, SynthPedesJsonContext.Default.PedestrianAttributes));
        }
    }
}
