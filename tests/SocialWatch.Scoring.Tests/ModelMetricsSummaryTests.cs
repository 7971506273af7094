using SocialWatch.Scoring.Models;

namespace SocialWatch.Scoring.Tests;

[TestClass]
public sealed class ModelMetricsSummaryTests
{
    [TestMethod]
    public void Parse_ReadsTheModelsDevSetReport_NotTheBaselines()
    {
        var json = """
            {"reports":[
              {"set":"tweets-test","scorer":"model v1","sentiment":{"accuracy":0.5},"complaint":{"macroF1":0.4,"auc":0.6}},
              {"set":"dev-set","scorer":"VADER","sentiment":{"accuracy":0.1}},
              {"set":"dev-set","scorer":"model v1","sentiment":{"accuracy":0.71},"complaint":{"macroF1":0.67,"auc":0.75},"escalation":{"auc":0.84}}
            ]}
            """;

        var summary = ModelMetricsSummary.Parse(json);

        Assert.AreEqual(new ModelMetricsSummary("dev-set", 0.71, 0.67, 0.75, 0.84), summary);
    }

    [TestMethod]
    public void Parse_TakesTheFirstModelReport_WhenThereIsNoDevSet_AndLeavesMissingNumbersEmpty()
    {
        var json = """{"reports":[{"set":"tweets-test","scorer":"model v1","sentiment":{"accuracy":0.5}}]}""";

        Assert.AreEqual(new ModelMetricsSummary("tweets-test", 0.5, null, null, null), ModelMetricsSummary.Parse(json));
    }

    [TestMethod]
    public void Parse_GivesNone_ForMissingOrUnreadableMetrics()
    {
        Assert.AreEqual(ModelMetricsSummary.None, ModelMetricsSummary.Parse(null));
        Assert.AreEqual(ModelMetricsSummary.None, ModelMetricsSummary.Parse("{not json"));
        Assert.AreEqual(ModelMetricsSummary.None, ModelMetricsSummary.Parse("""{"reports":"x"}"""));
    }
}
