using VfeTps.Stream.Tokenizer;

namespace VfeTps.Stream.Inference;

/// <summary>The files an exporter hands to <see cref="ModelBundleWriter"/>, wherever they are.</summary>
/// <param name="ImageTower">The image tower's ONNX file.</param>
/// <param name="TextTower">The text tower's ONNX file.</param>
/// <param name="Tokenizer">The tokenizer the text tower was trained with (e.g. from <see cref="ClipTokenizer.SaveTo"/>).</param>
/// <param name="Checkpoint">The TorchSharp checkpoint, for further training.</param>
public sealed record ModelBundleSources(string ImageTower, string TextTower, TokenizerFiles Tokenizer, string Checkpoint);
