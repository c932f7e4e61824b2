using System.Text.RegularExpressions;

namespace VfeTps.Stream.SynthPedes.Tests;

public sealed partial class CaptionWriterTests
{
    private static readonly IReadOnlyList<PedestrianAttributes> ManyLooks =
        [.. new IdentitySampler(seed: 11, siblingShare: 0.3).Sample(250).Select(identity => identity.Attributes)];

    private static readonly Viewpoint?[] AllViews = [Viewpoint.Front, Viewpoint.Back, Viewpoint.LeftSide, Viewpoint.RightSide, null];

    [Fact]
    public void Describe_AlwaysWritesTwentyToSixtyWords()
    {
        var random = new Random(1);
        foreach (var look in ManyLooks.Append(Looks.Plain()).Append(Looks.Busy(BagType.Backpack)))
        {
            foreach (var view in AllViews)
            {
                var caption = CaptionWriter.Describe(look, view, random);
                Assert.InRange(CaptionText.CountWords(caption), CaptionWriter.MinWords, CaptionWriter.MaxWords);
            }
        }
    }

    [Fact]
    public void Describe_FromBehind_NeverMentionsFaceGlassesLogoOrPhone()
    {
        var random = new Random(2);
        foreach (var look in ManyLooks.Append(Looks.Busy(BagType.Backpack)))
        {
            for (var i = 0; i < 3; i++)
            {
                var caption = CaptionWriter.Describe(look, Viewpoint.Back, random).ToLowerInvariant();
                Assert.DoesNotMatch(FrontOnlyWords(), caption);
            }
        }
    }

    [Fact]
    public void Describe_FromTheFront_MentionsABackpackOnlyAsStraps()
    {
        var random = new Random(3);
        var looks = ManyLooks.Where(look => look.Bag == BagType.Backpack).Append(Looks.Busy(BagType.Backpack)).ToList();
        Assert.NotEmpty(looks);
        var straps = 0;
        foreach (var look in looks)
        {
            for (var i = 0; i < 5; i++)
            {
                var caption = CaptionWriter.Describe(look, Viewpoint.Front, random).ToLowerInvariant();
                Assert.DoesNotMatch(BackpackWithoutStraps(), caption);
                straps += caption.Contains("backpack straps", StringComparison.Ordinal) ? 1 : 0;
            }
        }

        Assert.True(straps > 0, "straps are visible from the front and should be mentioned sometimes");
    }

    [Fact]
    public void Describe_FromTheLeft_NeverMentionsTheHandbagInTheFarHand()
    {
        var random = new Random(4);
        var look = Looks.Busy(BagType.Handbag);
        for (var i = 0; i < 200; i++)
        {
            var left = CaptionWriter.Describe(look, Viewpoint.LeftSide, random).ToLowerInvariant();
            Assert.DoesNotMatch(HandbagWords(), left);
        }

        var right = Enumerable.Range(0, 50).Select(_ => CaptionWriter.Describe(look, Viewpoint.RightSide, random).ToLowerInvariant());
        Assert.Contains(right, caption => HandbagWords().IsMatch(caption));
    }

    [Fact]
    public void Describe_ForAQuery_CanMentionEverything()
    {
        var random = new Random(5);
        var queries = Enumerable.Range(0, 100).Select(_ => CaptionWriter.Describe(Looks.Busy(BagType.Backpack), view: null, random).ToLowerInvariant()).ToList();

        Assert.Contains(queries, q => q.Contains("logo", StringComparison.Ordinal) || q.Contains("print", StringComparison.Ordinal));
        Assert.Contains(queries, q => GlassesWords().IsMatch(q));
        Assert.Contains(queries, q => q.Contains("backpack", StringComparison.Ordinal) && !q.Contains("straps", StringComparison.Ordinal));
    }

    [Fact]
    public void Describe_AlwaysNamesTheUpperGarmentColour()
    {
        var random = new Random(6);
        foreach (var look in ManyLooks)
        {
            var caption = CaptionWriter.Describe(look, random.Pick(AllViews), random).ToLowerInvariant();
            Assert.Contains(CaptionVocabulary.Color(look.UpperColor), word => caption.Contains(word, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void WriteCaptions_GivesDistinctCaptionsAndRepeatsForTheSameSeed()
    {
        foreach (var look in ManyLooks.Take(40))
        {
            var first = CaptionWriter.WriteCaptions(look, Viewpoint.Front, new Random(9));
            var again = CaptionWriter.WriteCaptions(look, Viewpoint.Front, new Random(9));

            Assert.Equal(2, first.Count);
            Assert.NotEqual(first[0], first[1], StringComparer.OrdinalIgnoreCase);
            Assert.Equal(first, again);
        }
    }

    [Theory]
    [InlineData("a person , in red .", 4)]
    [InlineData("Someone wearing a t-shirt.", 4)]
    [InlineData("  two   words ", 2)]
    public void CountWords_IgnoresLonePunctuation(string text, int expected)
    {
        Assert.Equal(expected, CaptionText.CountWords(text));
    }

    [GeneratedRegex(@"\b(face|glasses|eyeglasses|spectacles|logo|print on the chest|phone|smartphone)\b")]
    private static partial Regex FrontOnlyWords();

    [GeneratedRegex(@"rucksack|backpack(?! straps)")]
    private static partial Regex BackpackWithoutStraps();

    [GeneratedRegex(@"handbag|hand bag|purse")]
    private static partial Regex HandbagWords();

    [GeneratedRegex(@"glasses|spectacles")]
    private static partial Regex GlassesWords();
}
