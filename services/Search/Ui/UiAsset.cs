namespace VfeTps.Stream.Search.Ui;

/// <summary>One file of the control-room UI, held in memory with the headers it is served with.</summary>
/// <param name="Path">Its path under the UI's root (<c>index.html</c>, <c>ui/app.css</c>, ...).</param>
/// <param name="Content">The file's bytes.</param>
/// <param name="ContentType">The media type sent in Content-Type.</param>
/// <param name="ETag">A strong entity tag (a hash of the content, quoted).</param>
/// <param name="CacheControl">The Cache-Control sent with it.</param>
internal sealed record UiAsset(string Path, ReadOnlyMemory<byte> Content, string ContentType, string ETag, string CacheControl);
