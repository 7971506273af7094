using System.ComponentModel.DataAnnotations;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using SocialWatch.Alerts.Email;

namespace SocialWatch.Alerts.Tests.Digests;

[TestClass]
public sealed class SmtpEmailSenderTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    [TestMethod]
    public async Task SendAsync_AcceptingServer_ReceivesBothPartsAndTheInlineImage()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var sender = new SmtpEmailSender(Options.Create(server.Options), NullLogger<SmtpEmailSender>.Instance);

        await sender.SendAsync(Message(), CancellationToken.None);

        var mail = server.Received().Single();
        Assert.AreEqual("a@example.com b@example.com", string.Join(" ", mail.EnvelopeRecipients.Order(StringComparer.Ordinal)));
        Assert.AreEqual("Überblick <heute>", mail.Message.Subject);
        Assert.AreEqual("digests@socialwatch.test", mail.Message.From.Mailboxes.Single().Address);
        Assert.AreEqual("fixed-id@socialwatch", mail.Message.MessageId);
        Assert.AreEqual("plain text part\n", mail.Message.TextBody?.ReplaceLineEndings("\n"));
        Assert.Contains("<img src=\"cid:chart@test\">", mail.Message.HtmlBody ?? "");
        var image = mail.Message.BodyParts.OfType<MimePart>().Single(p => p.ContentType.MimeType == "image/png");
        Assert.AreEqual("chart@test", image.ContentId);
        using var content = new MemoryStream();
        await image.Content!.DecodeToAsync(content);
        CollectionAssert.AreEqual(Png, content.ToArray());
    }

    [TestMethod]
    public async Task SendAsync_RefusingServer_Throws()
    {
        await using var server = await SmtpTestServer.StartAsync(refuse: true);
        var sender = new SmtpEmailSender(Options.Create(server.Options), NullLogger<SmtpEmailSender>.Instance);

        var error = await Assert.ThrowsExactlyAsync<SmtpCommandException>(() => sender.SendAsync(Message(), CancellationToken.None));

        Assert.AreEqual(550, (int)error.StatusCode);
        Assert.IsEmpty(server.Received());
    }

    [TestMethod]
    public void Options_UserNameWithoutPassword_AreInvalid()
    {
        var options = new SmtpOptions { Host = "smtp.example.com", From = "sw@example.com", UserName = "sw" };

        var results = new List<ValidationResult>();
        var valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.IsFalse(valid);
        Assert.Contains("Smtp:Password", results.Single().ErrorMessage!);
    }

    [TestMethod]
    public void Options_FromThatIsNoAddress_AreInvalid()
    {
        var options = new SmtpOptions { Host = "smtp.example.com", From = "not an address" };

        var results = new List<ValidationResult>();
        var valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.IsFalse(valid);
        Assert.Contains("Smtp:From", results.Single().ErrorMessage!);
    }

    private static EmailMessage Message() => new()
    {
        To = ["a@example.com", "b@example.com"],
        Subject = "Überblick <heute>",
        TextBody = "plain text part\n",
        HtmlBody = "<p>html part</p><img src=\"cid:chart@test\">",
        InlineImages = [new InlineImage("chart@test", "chart.png", "image/png", Png)],
        MessageId = "fixed-id@socialwatch",
    };
}
