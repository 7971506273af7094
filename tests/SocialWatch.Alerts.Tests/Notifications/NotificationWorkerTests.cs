using Microsoft.Extensions.Logging.Abstractions;
using SocialWatch.Alerts.Notifications;
using SocialWatch.Core.Notifications;

namespace SocialWatch.Alerts.Tests.Notifications;

[TestClass]
public sealed class NotificationWorkerTests
{
    [TestMethod]
    public async Task Worker_FailingSink_DoesNotStopTheOthersOrTheLoop()
    {
        var notifier = new ChannelAlertNotifier();
        using var recorder = new RecordingSink();
        IAlertEventSink[] sinks = [new FailingSink(), recorder];
        using var worker = new NotificationWorker(notifier, sinks, new AlertAnnouncer(sinks, new RecordingOutbox()), TimeProvider.System, NullLogger<NotificationWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);

        notifier.Publish(NotificationTestData.Event(AlertEventKind.Created));
        notifier.Publish(NotificationTestData.Event(AlertEventKind.SlaBreached));
        var both = await recorder.WaitForAsync(2, TimeSpan.FromSeconds(10));
        await worker.StopAsync(CancellationToken.None);

        Assert.AreEqual("Created,SlaBreached", string.Join(",", both.Select(e => e.Kind)));
    }

    [TestMethod]
    public async Task Worker_OutboxSinkFailsWhileTheDatabaseIsAway_RetriesUntilTheEventIsRecorded()
    {
        var notifier = new ChannelAlertNotifier();
        var outboxSink = new FlakyOutboxSink(failures: 3);
        using var recorder = new RecordingSink();
        IAlertEventSink[] sinks = [outboxSink, recorder];
        var outbox = new RecordingOutbox();
        using var worker = new NotificationWorker(notifier, sinks, new AlertAnnouncer(sinks, outbox), TimeProvider.System, NullLogger<NotificationWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);

        notifier.Publish(NotificationTestData.Event(AlertEventKind.Created));
        await recorder.WaitForAsync(1, TimeSpan.FromSeconds(10));
        await worker.StopAsync(CancellationToken.None);

        Assert.AreEqual(4, outboxSink.Calls, "three failed tries, then the one that recorded it");
        Assert.AreEqual(1, outboxSink.Recorded);
        Assert.AreEqual("42", string.Join(",", outbox.Announced), "a new alert is announced once, with its rows");
        Assert.HasCount(1, outbox.Messages);
    }

    private sealed class FlakyOutboxSink(int failures) : IOutboxAlertEventSink
    {
        public int Calls { get; private set; }

        public int Recorded { get; private set; }

        public Task DeliverAsync(AlertEvent alertEvent, CancellationToken cancellationToken) => throw new NotSupportedException("a new alert's rows are composed");

        public Task<IReadOnlyList<IReadOnlyList<OutboxMessage>>> ComposeAsync(IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken)
        {
            Calls++;
            if (Calls <= failures)
            {
                throw new InvalidOperationException("database is away");
            }

            Recorded++;
            return Task.FromResult<IReadOnlyList<IReadOnlyList<OutboxMessage>>>(
                [.. events.Select(e => (IReadOnlyList<OutboxMessage>)[new OutboxMessage(NotificationChannels.Webhook, "config:room", e.Alert.Id, "{}")])]);
        }
    }

    private sealed class FailingSink : IAlertEventSink
    {
        public Task DeliverAsync(AlertEvent alertEvent, CancellationToken cancellationToken) => throw new HttpRequestException("mail server down");
    }

    private sealed class RecordingSink : IAlertEventSink, IDisposable
    {
        private readonly List<AlertEvent> _events = [];
        private readonly SemaphoreSlim _signal = new(0);

        public Task DeliverAsync(AlertEvent alertEvent, CancellationToken cancellationToken)
        {
            lock (_events)
            {
                _events.Add(alertEvent);
            }

            _signal.Release();
            return Task.CompletedTask;
        }

        public void Dispose() => _signal.Dispose();

        public async Task<List<AlertEvent>> WaitForAsync(int count, TimeSpan timeout)
        {
            for (var i = 0; i < count; i++)
            {
                Assert.IsTrue(await _signal.WaitAsync(timeout), "event not delivered in time");
            }

            lock (_events)
            {
                return [.. _events];
            }
        }
    }
}
