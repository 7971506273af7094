using System.CommandLine;
using System.Globalization;
using SocialWatch.Alerts.Digests;

namespace SocialWatch.Host.Cli;

/// <summary><c>digest --to &lt;address&gt; [--brand &lt;name&gt;]… [--period 24h]</c>: send a test digest now.</summary>
internal static class DigestCommands
{
    /// <param name="services">Builds the host's service provider when the verb runs (not when the command line is parsed).</param>
    public static Command Create(Func<IServiceProvider> services)
    {
        var to = new Option<string>("--to") { Required = true, Description = "The address to send the test digest to." };
        var brands = new Option<string[]>("--brand") { Description = "A brand to cover (repeat for more); every brand when left out.", AllowMultipleArgumentsPerToken = false };
        var period = new Option<string>("--period") { Description = "The period just ended that the digest covers: 24h (the default), 90m, 7d.", DefaultValueFactory = _ => "24h" };

        var digest = new Command("digest", "Builds the digest of the period just ended and sends it at once through the configured SMTP server.");
        digest.Options.Add(to);
        digest.Options.Add(brands);
        digest.Options.Add(period);
        digest.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var errors = parseResult.InvocationConfiguration.Error;
            if (ParsePeriod(parseResult.GetValue(period)!) is not { } length)
            {
                await errors.WriteLineAsync($"digest: '{parseResult.GetValue(period)}' is not a period; write it as 90m, 24h or 7d.");
                return 2;
            }

            try
            {
                var provider = services();
                await using var scope = provider.CreateAsyncScope();
                var send = scope.ServiceProvider.GetRequiredService<SendTestDigest>();
                var result = await send.HandleAsync(new TestDigestRequest(parseResult.GetValue(to)!, parseResult.GetValue(brands) ?? [], length), cancellationToken);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"digest: sent \"{result.Subject}\" to {parseResult.GetValue(to)} ({result.Mentions} mentions, {result.Period.Start:yyyy-MM-dd HH:mm} to {result.Period.End:yyyy-MM-dd HH:mm} UTC)"));
                return 0;
            }
            catch (DigestValidationException ex)
            {
                await errors.WriteLineAsync("digest: " + string.Join(" ", ex.Errors.Values));
                return 2;
            }
            catch (DigestDeliveryException ex)
            {
                await errors.WriteLineAsync($"digest: the mail server did not take the digest: {ex.Message}");
                return 2;
            }
        });
        return digest;
    }

    /// <summary>90m, 24h, 7d, or a TimeSpan (1.00:00:00).</summary>
    internal static TimeSpan? ParsePeriod(string text)
    {
        text = text.Trim();
        if (text.Length >= 2 && double.TryParse(text[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            return char.ToLowerInvariant(text[^1]) switch
            {
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => null,
            };
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span : null;
    }
}
