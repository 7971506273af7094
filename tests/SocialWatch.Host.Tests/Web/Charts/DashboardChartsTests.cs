using SocialWatch.Core.Insights;
using SocialWatch.Core.Scoring;
using SocialWatch.Host.Web.Charts;

namespace SocialWatch.Host.Tests.Web.Charts;

[TestClass]
public sealed class DashboardChartsTests
{
    [TestMethod]
    public void Reasons_LabelEachCodeWithItsDisplayName_AndEncodeStrangeNames()
    {
        var charts = new DashboardCharts();

        var svg = charts.Reasons([new CountBy(ReasonCodes.LegalThreat, 3), new CountBy("rule:<vip>", 2), new CountBy(ReasonCodes.RepostsDoubling, 1)]);

        StringAssert.Contains(svg, "legal threat");
        StringAssert.Contains(svg, "reposts doubling fast");
        StringAssert.Contains(svg, "rule: &lt;vip&gt;");
        Assert.IsFalse(svg.Contains(ReasonCodes.LegalThreat, StringComparison.Ordinal), "a code is not a label");
        Assert.IsFalse(svg.Contains("<vip>", StringComparison.Ordinal));
    }
}
