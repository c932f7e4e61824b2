using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Models;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Tests;

/// <summary>Which parameters each training objective reaches.</summary>
public sealed class GradientFlowTests
{
    private static readonly string[] s_imageProbe = ["visual.conv1.weight", "visual.transformer.resblocks.0.attn.in_proj_weight", "visual.proj"];
    private static readonly string[] s_textProbe = ["text.token_embedding.weight", "text.transformer.resblocks.0.mlp.c_fc.weight", "text.text_projection"];

    [Fact]
    public void Cmpm_ReachesBothTowers()
    {
        var grads = GradientsOf(terms => terms.Cmpm);

        AssertReached(grads, s_imageProbe);
        AssertReached(grads, s_textProbe);
        AssertNotReached(grads, ["tgmim.pixel_head.weight", "visual.mask_token"]);
    }

    [Fact]
    public void TgMim_ReachesBothTowers_TheDecoder_AndTheMaskToken()
    {
        var grads = GradientsOf(terms => terms.TgMim!);

        AssertReached(grads, s_imageProbe[..2]); // the projection feeds TG-MIM through the patch tokens too
        AssertReached(grads, ["visual.proj", "visual.mask_token", "tgmim.cross_attn.in_proj_weight", "tgmim.pixel_head.weight"]);
        AssertReached(grads, s_textProbe);
    }

    [Fact]
    public void IsGvfc_ReachesTheImageTowerOnly()
    {
        // By definition it compares image features with each other: the text tower gets nothing.
        var grads = GradientsOf(terms => terms.IsGvfc!);

        AssertReached(grads, s_imageProbe);
        AssertNotReached(grads, s_textProbe);
    }

    [Fact]
    public void DisabledTasks_AreAbsentFromTheObjective()
    {
        var config = ModelConfig.Tiny with
        {
            TgMim = ModelConfig.Tiny.TgMim with { Enabled = false },
            IsGvfc = ModelConfig.Tiny.IsGvfc with { Enabled = false },
        };
        using var model = new VfeTpsModel(config);
        using var batch = TestBatches.Tiny(config, 4, seed: 2);

        using var terms = model.ComputeLosses(batch.Batch, new Generator(1));

        Assert.Null(terms.TgMim);
        Assert.Null(terms.IsGvfc);
        Assert.Equal(terms.Cmpm.item<float>(), terms.Total.item<float>());
        Assert.DoesNotContain(model.named_parameters(), p => p.name.StartsWith("tgmim.", StringComparison.Ordinal) || p.name == "visual.mask_token");
    }

    [Fact]
    public void Total_IsTheWeightedSumOfTheTerms()
    {
        var config = ModelConfig.Tiny with
        {
            TgMim = ModelConfig.Tiny.TgMim with { Weight = 10 },
            IsGvfc = ModelConfig.Tiny.IsGvfc with { Weight = 0.5 },
        };
        using var model = new VfeTpsModel(config);
        using var batch = TestBatches.Tiny(config, 4, seed: 2);

        using var terms = model.ComputeLosses(batch.Batch, new Generator(1));

        var expected = terms.Cmpm.item<float>() + (10 * terms.TgMim!.item<float>()) + (0.5 * terms.IsGvfc!.item<float>());
        Assert.Equal(expected, terms.Total.item<float>(), tolerance: 1e-5 * Math.Abs(expected));
    }

    private static Dictionary<string, float> GradientsOf(Func<LossTerms, Tensor> pick)
    {
        manual_seed(4);
        using var model = new VfeTpsModel(ModelConfig.Tiny);
        using var batch = TestBatches.Tiny(model.Config, 6, seed: 3);
        using (var terms = model.ComputeLosses(batch.Batch, new Generator(9)))
            pick(terms).backward();
        return model.named_parameters().ToDictionary(
            p => p.name,
            p => p.parameter.grad is { } g ? g.abs().sum().item<float>() : 0f);
    }

    private static void AssertReached(Dictionary<string, float> grads, string[] names)
    {
        foreach (var name in names)
            Assert.True(grads[name] > 0, $"{name} got no gradient");
    }

    private static void AssertNotReached(Dictionary<string, float> grads, string[] names)
    {
        foreach (var name in names)
            Assert.True(grads[name] == 0, $"{name} got gradient {grads[name]}");
    }
}
