using VfeTps.Stream.Datasets;
using VfeTps.Stream.Evaluation;
using VfeTps.Stream.Preprocessing;
using VfeTps.Stream.Tokenizer;
using VfeTps.Stream.Training.Data;
using VfeTps.Stream.Training.Models;

namespace VfeTps.Stream.Training.Trainer;

/// <summary>
/// Text→image retrieval on one split with the field's protocol: every caption is a query, every
/// image is in the gallery, relevant = same person. Queries can come from another file
/// (<see cref="TextQuery"/>), evaluated against the same gallery.
/// </summary>
public sealed class RetrievalProbe
{
    private const int BatchSize = 64;
    private readonly IReadOnlyList<PersonImage> _images;
    private readonly ModelInputImages _inputs;
    private readonly ImagePreprocessor _preprocessor;
    private readonly ClipTokenizer _tokenizer;
    private readonly IReadOnlyList<TextQuery> _queries;

    public RetrievalProbe(IReadOnlyList<PersonImage> images, ModelInputImages inputs, ImagePreprocessor preprocessor, ClipTokenizer tokenizer,
        IReadOnlyList<TextQuery>? queries = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        _images = images;
        _inputs = inputs;
        _preprocessor = preprocessor;
        _tokenizer = tokenizer;
        _queries = queries ?? images.SelectMany(i => i.Captions.Select(c => new TextQuery(c, i.PersonId))).ToList();
    }

    public int QueryCount => _queries.Count;

    public ProbeResult Evaluate(VfeTpsModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var dimension = model.Config.EmbeddingSize;
        var gallery = new EmbeddingMatrix(
            EmbeddingExtractor.EmbedImages(model, _inputs, _preprocessor, BatchSize, cancellationToken: cancellationToken), _images.Count, dimension);
        var queries = new EmbeddingMatrix(
            EmbeddingExtractor.EmbedCaptions(model, _tokenizer, _queries.Select(q => q.Caption).ToList(), BatchSize, cancellationToken), _queries.Count, dimension);
        var galleryIds = _images.Select(i => i.PersonId).ToList();
        var metrics = RetrievalEvaluator.Evaluate(queries, _queries.Select(q => q.PersonId).ToList(), gallery, galleryIds, cancellationToken);
        return new ProbeResult(metrics, gallery, galleryIds);
    }
}
