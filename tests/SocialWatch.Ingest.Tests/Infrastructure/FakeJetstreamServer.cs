using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace SocialWatch.Ingest.Tests.Infrastructure;

/// <summary>
/// A Jetstream instance on 127.0.0.1: replays its events (JSON shaped like the public service's) from the requested
/// cursor, can drop a connection after a number of events without a close handshake, or refuse connections. After the
/// last event it keeps the connection open and quiet, as the real one would between posts.
/// </summary>
internal sealed class FakeJetstreamServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private readonly Lock _lock = new();
    private readonly List<(long TimeUs, string Json)> _events = [];
    private readonly Queue<int> _dropAfter = new();
    private readonly List<Uri> _requests = [];

    public FakeJetstreamServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public Uri Url => new($"ws://127.0.0.1:{Port}/subscribe");

    /// <summary>Answer the handshake with 503, like an instance that is down.</summary>
    public bool Refuse { get; set; }

    public IReadOnlyList<Uri> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The next connection is dropped (TCP closed, no close frame) after sending this many events.</summary>
    public void DropNextConnectionAfter(int events)
    {
        lock (_lock)
        {
            _dropAfter.Enqueue(events);
        }
    }

    public void Add(long timeUs, string json)
    {
        lock (_lock)
        {
            _events.Add((timeUs, json));
        }
    }

    /// <summary>A create event for app.bsky.feed.post, as Jetstream sends it.</summary>
    public static string Post(long timeUs, string did, string rkey, string text, JsonArray? facets = null, string lang = "en")
    {
        var record = new JsonObject
        {
            ["$type"] = "app.bsky.feed.post",
            ["createdAt"] = DateTimeOffset.FromUnixTimeMilliseconds(timeUs / 1000).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["langs"] = new JsonArray(lang),
            ["text"] = text,
        };
        if (facets is not null)
        {
            record["facets"] = facets;
        }

        return new JsonObject
        {
            ["did"] = did,
            ["time_us"] = timeUs,
            ["kind"] = "commit",
            ["commit"] = new JsonObject
            {
                ["rev"] = "3l3qo2vuowo2b",
                ["operation"] = "create",
                ["collection"] = "app.bsky.feed.post",
                ["rkey"] = rkey,
                ["record"] = record,
                ["cid"] = "bafyreidwaivazkwu67xztlmuobx35hs2lnfh3kolmgfmucldvhd3sgzcqi",
            },
        }.ToJsonString();
    }

    public static string Delete(long timeUs, string did, string rkey) => new JsonObject
    {
        ["did"] = did,
        ["time_us"] = timeUs,
        ["kind"] = "commit",
        ["commit"] = new JsonObject
        {
            ["rev"] = "3l3qo2vuowo2c",
            ["operation"] = "delete",
            ["collection"] = "app.bsky.feed.post",
            ["rkey"] = rkey,
        },
    }.ToJsonString();

    public static string Identity(long timeUs, string did) =>
        $$$"""{"did":"{{{did}}}","time_us":{{{timeUs}}},"kind":"identity","identity":{"did":"{{{did}}}","handle":"someone.bsky.social","seq":1409752997,"time":"2024-09-05T06:11:04.870Z"}}""";

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _listener.Close();
        _stopping.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = ServeAsync(context);
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        lock (_lock)
        {
            _requests.Add(context.Request.Url!);
        }

        if (Refuse || !context.Request.IsWebSocketRequest)
        {
            context.Response.StatusCode = 503;
            context.Response.Close();
            return;
        }

        WebSocket socket;
        try
        {
            socket = (await context.AcceptWebSocketAsync(null)).WebSocket;
        }
        catch (Exception ex) when (ex is WebSocketException or HttpListenerException)
        {
            return;
        }

        using (socket)
        {
            var cursor = long.TryParse(context.Request.QueryString["cursor"], CultureInfo.InvariantCulture, out var c) ? c : 0;
            int? dropAfter;
            List<(long TimeUs, string Json)> replay;
            lock (_lock)
            {
                dropAfter = _dropAfter.Count > 0 ? _dropAfter.Dequeue() : null;
                replay = [.. _events.Where(e => e.TimeUs >= cursor).OrderBy(e => e.TimeUs)];
            }

            try
            {
                var sent = 0;
                foreach (var (_, json) in replay)
                {
                    if (sent == dropAfter)
                    {
                        socket.Abort();
                        return;
                    }

                    await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, _stopping.Token);
                    sent++;
                }

                // Quiet until the client goes or the server stops; a read notices the client's close.
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(buffer, _stopping.Token);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                socket.Abort();
            }
        }
    }
}
