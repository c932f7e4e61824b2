using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.FrameIngest.Sources;

/// <summary>Opens the reader a source needs (see <see cref="StreamSources"/>).</summary>
internal static class FrameSources
{
    public static IFrameSource Open(string source, FrameIngestOptions options) =>
        StreamSources.IsNetworkStream(source) ? FfmpegStreamSource.Start(source, options) : OpenCvFileSource.Open(source);
}
