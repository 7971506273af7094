using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocialWatch.Alerts.Tests.Notifications;

/// <summary>An incoming-webhook stand-in on 127.0.0.1 that answers with scripted status codes and records bodies.</summary>
internal sealed class LocalWebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<int> _statuses;
    private readonly int _thenStatus;
    private readonly Task _loop;

    public LocalWebhookReceiver(IEnumerable<int> statuses, int thenStatus = 200)
    {
        _statuses = new(statuses);
        _thenStatus = thenStatus;
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/hooks/T000/B000/");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Url { get; }

    public List<string> Bodies { get; } = [];

    public List<string?> ContentTypes { get; } = [];

    /// <summary>The headers of each request, in the order of <see cref="Bodies"/>.</summary>
    public List<System.Collections.Specialized.NameValueCollection> Headers { get; } = [];

    /// <summary>Completes once this many requests have arrived.</summary>
    public Task WaitForCountAsync(int count, TimeSpan timeout, CancellationToken cancellationToken) =>
        Task.Run(
            async () =>
            {
                while (true)
                {
                    lock (Bodies)
                    {
                        if (Bodies.Count >= count)
                        {
                            return;
                        }
                    }

                    await _arrived.WaitAsync(cancellationToken);
                }
            },
            cancellationToken).WaitAsync(timeout, cancellationToken);

    private readonly SemaphoreSlim _arrived = new(0);

    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            int status;
            lock (Bodies)
            {
                Bodies.Add(body);
                ContentTypes.Add(context.Request.ContentType);
                Headers.Add(new System.Collections.Specialized.NameValueCollection(context.Request.Headers));
                status = _statuses.Count > 0 ? _statuses.Dequeue() : _thenStatus;
            }

            _arrived.Release();

            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
        _arrived.Dispose();
    }
}
