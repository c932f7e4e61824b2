using VfeTps.Stream.SynthPedes;

namespace VfeTps.Stream.DemoCameras;

/// <summary>
/// Writes text queries about the scene's people from their ground-truth attributes, with SynthPedes's caption
/// writer in its viewpoint-free mode (what a user searching for the person would type). Deterministic: the same
/// seed, person and index always give the same text.
/// </summary>
/// <param name="seed">Seeds every query's wording.</param>
public sealed class QueryBuilder(int seed = 1)
{
    private const int StreamQuery = 0x9E7;

    /// <summary>Query <paramref name="index"/> (0-based) about <paramref name="person"/>.</summary>
    public SceneQuery Describe(SceneIdentity person, int index)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var text = CaptionWriter.Describe(person.Attributes, view: null, SeedMixer.Create(seed, StreamQuery, person.PersonId, index));
        return new SceneQuery(person.PersonId, index, text);
    }

    /// <summary><paramref name="queriesPerPerson"/> queries about every person of <paramref name="truth"/>, in person order.</summary>
    public IReadOnlyList<SceneQuery> Build(SceneGroundTruth truth, int queriesPerPerson = 1)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(queriesPerPerson);
        return [.. truth.Identities.SelectMany(person => Enumerable.Range(0, queriesPerPerson).Select(index => Describe(person, index)))];
    }
}
