using VfeTps.Stream.SynthPedes;

namespace VfeTps.Stream.DemoCameras;

/// <summary>
/// What one camera does to the clean picture of every frame: its exposure, contrast and colour cast (half the
/// strength of a SynthPedes camera, so the demo stays pleasant to watch) and mild sensor noise that changes
/// every frame. Noise comes from a fixed table read with a per-frame offset and stride: as good as fresh noise
/// for a picture, deterministic, and cheap enough for every pixel of every frame.
/// </summary>
internal sealed class CameraSensor
{
    private const int NoiseSize = 1 << 16;

    private readonly byte[] _blue = new byte[256];
    private readonly byte[] _green = new byte[256];
    private readonly byte[] _red = new byte[256];
    private readonly short[]? _noise;

    public CameraSensor(CameraProfile camera, double noiseSigma, int seed)
    {
        var brightness = 1f + ((camera.Brightness - 1f) * 0.5f);
        var contrast = 1f + ((camera.Contrast - 1f) * 0.5f);
        Fill(_red, brightness, contrast, 1f + ((camera.Gain.Red - 1f) * 0.5f));
        Fill(_green, brightness, contrast, 1f + ((camera.Gain.Green - 1f) * 0.5f));
        Fill(_blue, brightness, contrast, 1f + ((camera.Gain.Blue - 1f) * 0.5f));
        if (noiseSigma > 0)
        {
            var random = new Random(seed);
            _noise = new short[NoiseSize];
            for (var i = 0; i < NoiseSize; i++)
            {
                // Box–Muller once per table entry.
                var gaussian = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
                _noise[i] = (short)Math.Round(gaussian * noiseSigma);
            }
        }
    }

    /// <summary>Tones and adds noise to a BGRA frame in place; <paramref name="random"/> picks this frame's noise.</summary>
    public void Expose(Span<byte> bgra, Random random)
    {
        if (_noise is null)
        {
            for (var i = 0; i + 3 < bgra.Length; i += 4)
            {
                bgra[i] = _blue[bgra[i]];
                bgra[i + 1] = _green[bgra[i + 1]];
                bgra[i + 2] = _red[bgra[i + 2]];
            }

            return;
        }

        var noise = _noise;
        var index = random.Next(NoiseSize);
        var stride = (random.Next(NoiseSize / 2) * 2) + 1;
        for (var i = 0; i + 3 < bgra.Length; i += 4)
        {
            index = (index + stride) & (NoiseSize - 1);
            var n = noise[index];
            bgra[i] = Clamp(_blue[bgra[i]] + n);
            bgra[i + 1] = Clamp(_green[bgra[i + 1]] + n);
            bgra[i + 2] = Clamp(_red[bgra[i + 2]] + n);
        }
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);

    private static void Fill(byte[] table, float brightness, float contrast, float gain)
    {
        for (var v = 0; v < table.Length; v++)
        {
            var x = ((((v / 255f) - 0.5f) * contrast) + 0.5f) * brightness * gain;
            table[v] = (byte)Math.Clamp(MathF.Round(x * 255f), 0f, 255f);
        }
    }
}
