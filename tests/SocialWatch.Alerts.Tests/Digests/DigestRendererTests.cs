using SocialWatch.Alerts.Digests;

namespace SocialWatch.Alerts.Tests.Digests;

[TestClass]
public sealed class DigestRendererTests
{
    [TestMethod]
    public void Render_StrangerWrittenText_IsHtmlEncoded()
    {
        var rendered = DigestRenderer.Render(DigestSamples.Busy(), ChartEmbedding.ContentId);

        Assert.DoesNotContain("<script>", rendered.Html);
        Assert.Contains("&lt;script&gt;", rendered.Html);
        Assert.Contains("&lt;again&gt; &amp; staff", rendered.Html);
    }

    [TestMethod]
    public void Render_Links_AreOnlyHttpAndOpenWithoutReferrer()
    {
        var rendered = DigestRenderer.Render(DigestSamples.Busy(), ChartEmbedding.ContentId);

        Assert.DoesNotContain("javascript:", rendered.Html);
        Assert.Contains("<a href=\"https://socialwatch.example.com/alerts/4812\" rel=\"noopener noreferrer\"", rendered.Html);
        Assert.Contains("https://socialwatch.example.com/alerts/4812", rendered.Text);
        Assert.DoesNotContain("javascript:", rendered.Text);
    }

    [TestMethod]
    public void Render_ForEmail_ReferencesTheChartByContentId()
    {
        var rendered = DigestRenderer.Render(DigestSamples.Busy(), ChartEmbedding.ContentId);

        Assert.Contains("src=\"cid:" + DigestRenderer.ChartContentId + "\"", rendered.Html);
        Assert.IsNotNull(rendered.ChartPng);
        CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, rendered.ChartPng.Take(4).ToArray());
    }

    [TestMethod]
    public void Render_ForPreview_EmbedsTheChartAsDataUri()
    {
        var rendered = DigestRenderer.Render(DigestSamples.Busy(), ChartEmbedding.DataUri);

        Assert.Contains("src=\"data:image/png;base64,iVBOR", rendered.Html);
        Assert.DoesNotContain("cid:", rendered.Html);
    }

    [TestMethod]
    public void Render_QuietPeriod_SaysSoInsteadOfDrawingAnEmptyChart()
    {
        var rendered = DigestRenderer.Render(DigestSamples.Quiet(), ChartEmbedding.ContentId);

        Assert.IsNull(rendered.ChartPng);
        Assert.DoesNotContain("<img", rendered.Html);
        Assert.Contains("Quiet period: no mentions of Acme Air, Acme Rail were found in this period", rendered.Html);
        Assert.Contains("Quiet period: no mentions were found in this period.", rendered.Text);
        Assert.Contains("quiet period, no mentions", rendered.Subject);
    }

    [TestMethod]
    public void Render_Subject_SummarisesThePeriodOnOneLine()
    {
        var report = DigestSamples.Busy() with { SubscriptionName = "Leads\r\nBcc: victim@example.com" };

        var rendered = DigestRenderer.Render(report, ChartEmbedding.ContentId);

        Assert.DoesNotContain("\r", rendered.Subject);
        Assert.DoesNotContain("\n", rendered.Subject);
        Assert.AreEqual("SocialWatch digest: Leads  Bcc: victim@example.com, 23 Nov 08:00 to 24 Nov 08:00: 979 mentions, 35.2 % negative", rendered.Subject);
    }

    [TestMethod]
    public void Render_TextPart_CarriesTheSameFigures()
    {
        var rendered = DigestRenderer.Render(DigestSamples.Busy(), ChartEmbedding.ContentId);

        Assert.Contains("Mentions: 979 (+20.6 % vs previous period)", rendered.Text);
        Assert.Contains("Negative share: 35.2 % (+15.8 pts vs previous period)", rendered.Text);
        Assert.Contains("Alerts: 37 opened, 29 resolved, 14 still open", rendered.Text);
        Assert.Contains("Median first response: 23 min (31 responses)", rendered.Text);
        Assert.Contains("Broken promises: 2", rendered.Text);
        Assert.Contains("- refund refused: 64 (before 21, +43)", rendered.Text);
        Assert.Contains("Mon 23 Nov 2026 08:00 to Tue 24 Nov 2026 08:00 (Europe/London)", rendered.Text);
    }

    [TestMethod]
    public void Render_VeryLongTitle_IsShortenedInBothParts()
    {
        var rendered = DigestRenderer.Render(DigestSamples.Busy(), ChartEmbedding.ContentId);

        Assert.Contains("xxxxxxxx\u2026", rendered.Text);
        Assert.DoesNotContain("nobody returned", rendered.Text);
        Assert.DoesNotContain("nobody returned", rendered.Html);
    }

    [TestMethod]
    public void Render_Html_UsesNoStyleSheetsOrScripts()
    {
        var rendered = DigestRenderer.Render(DigestSamples.Busy(), ChartEmbedding.ContentId);

        Assert.DoesNotContain("<style", rendered.Html);
        Assert.DoesNotContain("<link", rendered.Html);
        Assert.DoesNotContain("<script", rendered.Html);
        Assert.Contains("<table role=\"presentation\"", rendered.Html);
    }
}
