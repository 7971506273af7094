using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Storage;
using SocialWatch.Ingest.Pipeline;

namespace SocialWatch.Ingest.Sources.Bluesky;

/// <summary>Counters of one consumer since its host started (read by tests and the benchmark; a live figure for logs).</summary>
internal sealed class JetstreamStats
{
    private long _events, _malformed, _posts, _matched, _deletes, _stored, _redacted, _connections, _pages;

    public long Events => Interlocked.Read(ref _events);
    public long Malformed => Interlocked.Read(ref _malformed);
    public long Posts => Interlocked.Read(ref _posts);
    public long Matched => Interlocked.Read(ref _matched);
    public long Deletes => Interlocked.Read(ref _deletes);
    public long Stored => Interlocked.Read(ref _stored);
    public long Redacted => Interlocked.Read(ref _redacted);
    public long Connections => Interlocked.Read(ref _connections);
    public long Pages => Interlocked.Read(ref _pages);

    public void AddEvent() => Interlocked.Increment(ref _events);
    public long AddMalformed() => Interlocked.Increment(ref _malformed);
    public void AddPost() => Interlocked.Increment(ref _posts);
    public void AddMatched(int count) => Interlocked.Add(ref _matched, count);
    public void AddDelete() => Interlocked.Increment(ref _deletes);
    public void AddStored(int count) => Interlocked.Add(ref _stored, count);
    public void AddRedacted(int count) => Interlocked.Add(ref _redacted, count);
    public void AddConnection() => Interlocked.Increment(ref _connections);
    public void AddPage() => Interlocked.Increment(ref _pages);
}

/// <summary>
/// Reads Jetstream's posts for every brand at once: one WebSocket, one cursor (<see cref="QueryKey"/>), pages of
/// matched posts stored through the mention pipeline with the cursor after them in the same transaction, deletes
/// redacted before the cursor passes them. A dropped, failed or stalled connection is replaced with back-off and
/// jitter, failing over to the next instance, and resumes a few seconds before the cursor: the store drops repeats,
/// so nothing is lost and nothing stored twice. A failing store ends the run (the worker restarts it from the stored
/// cursor); a malformed event is counted and skipped.
/// </summary>
internal sealed class JetstreamConsumer(
    IOptions<BlueskyOptions> options,
    BrandMatcherCache matchers,
    IMentionStore store,
    MentionPipeline pipeline,
    BlueskyProfiles profiles,
    BlueskyBackfill backfill,
    JetstreamStats stats,
    TimeProvider time,
    ILogger<JetstreamConsumer> logger)
{
    public const string QueryKey = "bluesky:jetstream";

    private const int RedactChunk = 500;
    private const int MaxHeldDeletes = 5_000;
    private const int ReceiveChunkBytes = 16 * 1024;
    private const int QueuedMessages = 1_024;

    public JetstreamStats Stats => stats;

    /// <summary>Consumes until cancelled; throws <see cref="CursorConflictException"/> when another host committed the cursor.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var instances = settings.Instances();
        var run = new RunState { Committed = await store.GetCursorAsync(QueryKey, cancellationToken) };
        run.LastTimeUs = ParseCursor(run.Committed);
        run.Matcher = await matchers.GetAsync(cancellationToken);
        run.LastFlush = time.GetUtcNow();
        await BackfillIfNeededAsync(run, settings, cancellationToken);
        var index = 0;
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var instance = instances[index];
            var delivered = run.Delivered;
            string reason;
            Exception? error = null;
            try
            {
                await ConsumeConnectionAsync(instance, run, cancellationToken);
                reason = "closed by the server";
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsConnectionFailure(ex))
            {
                reason = ex.Message;
                error = ex;
            }

            if (run.Delivered > delivered)
            {
                failures = 0;
            }
            else
            {
                // Nothing came through: this instance may be down, so the next attempt goes to the next one.
                failures++;
                index = (index + 1) % instances.Count;
            }

            var delay = Backoff(failures, settings);
            IngestLog.StreamDropped(logger, QueryKey, instance.GetLeftPart(UriPartial.Authority), reason, delay, error);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    /// <summary>
    /// At the first start, or with a cursor older than the instances replay, searches the gap (when an account is
    /// configured), then streams from the moment the search began so that nothing falls between the two.
    /// </summary>
    private async Task BackfillIfNeededAsync(RunState run, BlueskyOptions settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var last = run.LastTimeUs is { } us ? DateTimeOffset.FromUnixTimeMilliseconds(us / 1000) : (DateTimeOffset?)null;
        if (!settings.CanBackfill || (last is { } l && l >= now - settings.ReplayHorizon))
        {
            return;
        }

        var earliest = now - settings.BackfillWindow;
        try
        {
            await backfill.RunAsync(last is { } from && from > earliest ? from : earliest, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            IngestLog.BackfillFailed(logger, JetstreamEvents.SourceName, ex);
        }

        if (last is null)
        {
            run.LastTimeUs = now.ToUnixTimeMilliseconds() * 1000;
        }
    }

    /// <summary>Exponential in the failures in a row, capped, with "equal jitter" so that many consumers do not reconnect in step.</summary>
    internal static TimeSpan Backoff(int failures, BlueskyOptions settings)
    {
        var exponent = Math.Min(failures, 30);
        var ceiling = Math.Min(settings.ReconnectMaxDelay.TotalMilliseconds, settings.ReconnectBaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }

    /// <summary>The subscription URL: posts only, from <paramref name="cursor"/> when there is one (otherwise live).</summary>
    internal static Uri SubscribeUrl(Uri instance, long? cursor)
    {
        var query = "wantedCollections=" + JetstreamEvents.PostCollection;
        if (cursor is { } from)
        {
            query += "&cursor=" + from.ToString(CultureInfo.InvariantCulture);
        }

        return new UriBuilder(instance) { Query = query }.Uri;
    }

    private static long? ParseCursor(string? cursor) =>
        long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var timeUs) && timeUs > 0 ? timeUs : null;

    private static bool IsConnectionFailure(Exception ex) =>
        ex is WebSocketException or IOException or OperationCanceledException or JetstreamStalledException or HttpRequestException
            or ChannelClosedException;

    private async Task ConsumeConnectionAsync(Uri instance, RunState run, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        long? from = run.LastTimeUs is { } last ? Math.Max(1, last - (long)(settings.CursorRewind.TotalMilliseconds * 1000)) : null;
        IngestLog.StreamConnecting(logger, QueryKey, instance.GetLeftPart(UriPartial.Authority),
            from?.ToString(CultureInfo.InvariantCulture) ?? "live");

        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            connect.CancelAfter(settings.ConnectTimeout);
            await socket.ConnectAsync(SubscribeUrl(instance, from), connect.Token);
        }

        stats.AddConnection();
        var channel = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(QueuedMessages)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var pumping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = PumpAsync(socket, channel.Writer, settings, pumping.Token);
        try
        {
            await ProcessAsync(channel.Reader, run, cancellationToken);
        }
        finally
        {
            await pumping.CancelAsync();
            await pump;
        }

        // Everything read was stored; now say why the connection ended (the pump's error, if any).
        await channel.Reader.Completion;
    }

    /// <summary>Reads whole messages off the socket into the queue; completes the queue with the reason the connection ended.</summary>
    private async Task PumpAsync(ClientWebSocket socket, ChannelWriter<byte[]> writer, BlueskyOptions settings, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ReceiveChunkBytes);
        var message = new ArrayBufferWriter<byte>(ReceiveChunkBytes);
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(settings.StallTimeout);
        try
        {
            var oversized = false;
            while (true)
            {
                ValueWebSocketReceiveResult result;
                try
                {
                    result = await socket.ReceiveAsync(chunk.AsMemory(), stall.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new JetstreamStalledException(settings.StallTimeout);
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    writer.TryComplete();
                    return;
                }

                if (result.MessageType == WebSocketMessageType.Binary || message.WrittenCount + result.Count > settings.MaxMessageBytes)
                {
                    // Without compress=true Jetstream sends text; a binary or huge message is read to its end and dropped.
                    oversized = true;
                }
                else if (!oversized)
                {
                    message.Write(chunk.AsSpan(0, result.Count));
                }

                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (oversized)
                {
                    IngestLog.StreamEventMalformed(logger, QueryKey, stats.AddMalformed());
                }
                else
                {
                    await writer.WriteAsync(message.WrittenSpan.ToArray(), cancellationToken);
                }

                message.ResetWrittenCount();
                oversized = false;
                stall.CancelAfter(settings.StallTimeout);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private async Task ProcessAsync(ChannelReader<byte[]> reader, RunState run, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        while (true)
        {
            if (reader.TryRead(out var message))
            {
                Handle(message, run);
                if (run.Pending.Count >= settings.PageSize || run.Deletes.Count >= MaxHeldDeletes || time.GetUtcNow() >= Due(run, settings))
                {
                    await FlushAsync(run, cancellationToken);
                }

                continue;
            }

            if (!run.HasUnflushed)
            {
                if (!await WaitToReadAsync(reader, cancellationToken))
                {
                    return;
                }

                continue;
            }

            // A quiet moment with something in hand: wait for more only until the page is due.
            var wait = Due(run, settings) - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                await FlushAsync(run, cancellationToken);
                continue;
            }

            using var due = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            due.CancelAfter(wait);
            try
            {
                if (!await WaitToReadAsync(reader, due.Token))
                {
                    await FlushAsync(run, cancellationToken);
                    return;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await FlushAsync(run, cancellationToken);
            }
        }
    }

    /// <summary>When what is held must be committed: soon for matched posts, less often for the cursor and deletes alone.</summary>
    private static DateTimeOffset Due(RunState run, BlueskyOptions settings) =>
        !run.HasUnflushed ? DateTimeOffset.MaxValue
        : run.Pending.Count > 0 ? run.LastFlush + settings.FlushInterval
        : run.LastFlush + settings.CursorCommitInterval;

    /// <summary>False once the queue is completed and empty; a pump error surfaces later through <c>Completion</c>.</summary>
    private static async Task<bool> WaitToReadAsync(ChannelReader<byte[]> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    private void Handle(byte[] message, RunState run)
    {
        stats.AddEvent();
        run.Delivered++;
        var parsed = JetstreamEvents.Parse(message);
        switch (parsed.Kind)
        {
            case JetstreamEventKind.Malformed:
                IngestLog.StreamEventMalformed(logger, QueryKey, stats.AddMalformed());
                return;
            case JetstreamEventKind.Delete:
                stats.AddDelete();
                run.Deletes.Add(parsed.Uri!);
                if (run.PendingIds.Remove(parsed.Uri!))
                {
                    run.Pending.RemoveAll(m => m.Mention.ExternalId == parsed.Uri);
                }

                break;
            case JetstreamEventKind.Post:
                stats.AddPost();
                var post = parsed.Post!;
                var matched = run.Matcher.Match(post);
                if (matched.Count > 0)
                {
                    stats.AddMatched(1);
                    run.PendingIds.Add(post.AtUri);
                    foreach (var brand in matched)
                    {
                        var owner = run.Matcher.Brands[brand];
                        run.Pending.Add(new BrandMention(owner, post.ToMention(owner.Name, time)));
                    }
                }

                break;
        }

        // Never backwards: after a rewind the repeated events are older than the committed cursor.
        if (run.LastTimeUs is not { } last || parsed.TimeUs > last)
        {
            run.LastTimeUs = parsed.TimeUs;
            run.CursorMoved = true;
        }
    }

    /// <summary>
    /// Redacts the deletes seen, then stores the matched posts with the cursor after them in one transaction. In that
    /// order, the committed cursor never passes a delete that was not applied: a crash in between replays the deletes.
    /// </summary>
    private async Task FlushAsync(RunState run, CancellationToken cancellationToken)
    {
        var deletes = run.Deletes.Count;
        var redacted = 0;
        for (var i = 0; i < run.Deletes.Count; i += RedactChunk)
        {
            redacted += await store.RedactAsync(JetstreamEvents.SourceName, run.Deletes.GetRange(i, Math.Min(RedactChunk, run.Deletes.Count - i)), cancellationToken);
        }

        stats.AddRedacted(redacted);
        run.Deletes.Clear();

        var cursor = run.LastTimeUs?.ToString(CultureInfo.InvariantCulture);
        var matched = run.Pending.Count;
        var storedCount = 0;
        run.CursorMoved = false;
        if (matched > 0 || cursor != run.Committed)
        {
            try
            {
                var page = await profiles.EnrichAsync([.. run.Pending], cancellationToken);
                var result = await pipeline.ProcessAsync(new StreamBatch(QueryKey, page, cursor, run.Committed), cancellationToken);
                storedCount = result.Stored;
            }
            catch (CursorConflictException)
            {
                IngestLog.StreamCursorConflict(logger, QueryKey);
                throw;
            }

            run.Committed = cursor;
            stats.AddStored(storedCount);
            stats.AddPage();
        }

        IngestLog.StreamPageStored(logger, QueryKey, cursor ?? "none", matched, storedCount, deletes, redacted);
        run.Pending.Clear();
        run.PendingIds.Clear();
        run.LastFlush = time.GetUtcNow();
        run.Matcher = await matchers.GetAsync(cancellationToken);
    }

    private sealed class RunState
    {
        public string? Committed { get; set; }

        public long? LastTimeUs { get; set; }

        public DateTimeOffset LastFlush { get; set; }

        public BrandMatcher Matcher { get; set; } = BrandMatcher.Empty;

        public long Delivered { get; set; }

        public List<BrandMention> Pending { get; } = [];

        public HashSet<string> PendingIds { get; } = new(StringComparer.Ordinal);

        public List<string> Deletes { get; } = [];

        /// <summary>The newest event read is newer than the committed cursor.</summary>
        public bool CursorMoved { get; set; }

        public bool HasUnflushed => Pending.Count > 0 || Deletes.Count > 0 || CursorMoved;
    }
}

/// <summary>The connection delivered nothing for longer than the stall timeout.</summary>
internal sealed class JetstreamStalledException(TimeSpan timeout)
    : Exception($"nothing received for {timeout}");
