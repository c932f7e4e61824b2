using VfeTps.Stream.VectorIndex.Embedded;

namespace VfeTps.Stream.VectorIndex.Tests;

public sealed class Crc32CTests
{
    [Fact]
    public void MatchesTheCastagnoliCheckValue() =>
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));

    [Fact]
    public void MatchesABitwiseReferenceAtEveryLength()
    {
        var random = new Random(70);
        for (var length = 0; length < 40; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(Bitwise(data), Crc32C.Compute(data));
        }
    }

    private static uint Bitwise(byte[] data)
    {
        var crc = ~0u;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78 : crc >> 1;
            }
        }

        return ~crc;
    }
}
