using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MimeKit;
using SocialWatch.Alerts.Email;

namespace SocialWatch.Alerts.Tests.Digests;

/// <summary>
/// A real SMTP server (Python aiosmtpd) started by the test on a free loopback port. It stores each accepted
/// message as .eml, or refuses every message with 550.
/// </summary>
internal sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly Process _process;

    private SmtpTestServer(Process process, int port, string directory)
    {
        _process = process;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    public SmtpOptions Options => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        Security = SmtpSecurity.None,
        From = "SocialWatch <digests@socialwatch.test>",
        Timeout = TimeSpan.FromSeconds(10),
    };

    public static async Task<SmtpTestServer> StartAsync(bool refuse = false)
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        await RequireAiosmtpdAsync(python);

        var directory = Path.Combine(Path.GetTempPath(), "socialwatch-smtp-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var script = Path.Combine(AppContext.BaseDirectory, "Digests", "smtp_capture.py");
        var port = FreePort();

        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { script, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", directory })
        {
            start.ArgumentList.Add(argument);
        }

        if (refuse)
        {
            start.ArgumentList.Add("--refuse");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the SMTP test server.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            line = null;
        }

        if (line != "READY")
        {
            process.Kill(entireProcessTree: true);
            var error = await process.StandardError.ReadToEndAsync();
            throw new InvalidOperationException($"The SMTP test server did not start: {line} {error}");
        }

        return new SmtpTestServer(process, port, directory);
    }

    /// <summary>The messages received so far, oldest first, with their envelope recipients.</summary>
    public IReadOnlyList<ReceivedMail> Received()
    {
        var mails = new List<ReceivedMail>();
        foreach (var eml in System.IO.Directory.GetFiles(Directory, "*.eml").Order(StringComparer.Ordinal))
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(File.ReadAllText(Path.ChangeExtension(eml, ".json")))!;
            mails.Add(new ReceivedMail(MimeMessage.Load(eml), envelope.rcpt_tos));
        }

        return mails;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private static async Task RequireAiosmtpdAsync(string python)
    {
        var probe = new ProcessStartInfo(python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        probe.ArgumentList.Add("-c");
        probe.ArgumentList.Add("import aiosmtpd");
        int exitCode;
        try
        {
            using var process = Process.Start(probe)!;
            await process.WaitForExitAsync();
            exitCode = process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            exitCode = -1;
        }

        if (exitCode != 0)
        {
            const string message = "The SMTP tests need Python with aiosmtpd (apt-get install -y python3-aiosmtpd).";
            Prerequisite.Missing(message);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Envelope(string mail_from, List<string> rcpt_tos);
}

internal sealed record ReceivedMail(MimeMessage Message, IReadOnlyList<string> EnvelopeRecipients);
