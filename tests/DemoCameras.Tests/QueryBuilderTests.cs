using VfeTps.Stream.SynthPedes;

namespace VfeTps.Stream.DemoCameras.Tests;

/// <summary>Text queries written from the ground truth describe the person they are about.</summary>
public sealed class QueryBuilderTests(SmallScene scene)
{
    [Fact]
    public void QueriesNameTheUpperGarmentAndItsColour()
    {
        var queries = new QueryBuilder(seed: 1).Build(scene.Truth, queriesPerPerson: 3);
        Assert.Equal(3 * scene.Truth.Identities.Count, queries.Count);
        foreach (var query in queries)
        {
            var person = scene.Truth.Identity(query.PersonId);
            var text = query.Text.ToLowerInvariant();
            Assert.Contains(CaptionVocabulary.Color(person.Attributes.UpperColor), word => text.Contains(word, StringComparison.Ordinal));
            Assert.Contains(CaptionVocabulary.Upper(person.Attributes.UpperGarment), word => text.Contains(word, StringComparison.Ordinal));
            Assert.InRange(CaptionText.CountWords(query.Text), CaptionWriter.MinWords, CaptionWriter.MaxWords);
        }
    }

    [Fact]
    public void QueriesAreDeterministicAndVaryWithIndexAndSeed()
    {
        var person = scene.Truth.Identities[0];
        var builder = new QueryBuilder(seed: 4);
        Assert.Equal(builder.Describe(person, 0), new QueryBuilder(seed: 4).Describe(person, 0));
        var texts = Enumerable.Range(0, 4).Select(i => builder.Describe(person, i).Text).ToList();
        Assert.True(texts.Distinct().Count() >= 3, "Queries about one person barely vary.");
        Assert.NotEqual(builder.Describe(person, 0).Text, new QueryBuilder(seed: 5).Describe(person, 0).Text);
        Assert.Equal([0, 1], new QueryBuilder().Build(scene.Truth, 2).Where(q => q.PersonId == person.PersonId).Select(q => q.Index));
    }

    [Fact]
    public void QueriesDescribeThePersonRegardlessOfViewpoint()
    {
        // The caption writer's viewpoint words ("walking toward the camera", "seen from behind") never appear.
        var directions = Enum.GetValues<Viewpoint>().SelectMany(CaptionVocabulary.Direction).ToList();
        foreach (var query in new QueryBuilder().Build(scene.Truth, queriesPerPerson: 4))
        {
            Assert.DoesNotContain(directions, phrase => query.Text.Contains(phrase, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void BadArgumentsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new QueryBuilder().Build(scene.Truth, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QueryBuilder().Describe(scene.Truth.Identities[0], -1));
        Assert.Throws<ArgumentNullException>(() => new QueryBuilder().Build(null!));
    }
}
