using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialWatch.Alerts.Notifications;

namespace SocialWatch.Alerts.Tests.Notifications;

[TestClass]
public sealed class AlertEventStreamTests
{
    [TestMethod]
    public async Task Subscribe_EverySubscriberGetsEachEvent_AndLeavesOnCancel()
    {
        var stream = new AlertEventStream(Options.Create(new NotificationOptions()), NullLogger<AlertEventStream>.Instance);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var first = stream.Subscribe(cts.Token).GetAsyncEnumerator(cts.Token);
        await using var second = stream.Subscribe(cts.Token).GetAsyncEnumerator(cts.Token);
        var firstNext = first.MoveNextAsync();
        var secondNext = second.MoveNextAsync();
        while (stream.SubscriberCount < 2)
        {
            await Task.Delay(5, cts.Token);
        }

        await stream.DeliverAsync(NotificationTestData.Event(AlertEventKind.Created), CancellationToken.None);

        Assert.IsTrue(await firstNext);
        Assert.IsTrue(await secondNext);
        Assert.AreEqual((AlertEventKind.Created, AlertEventKind.Created), (first.Current.Kind, second.Current.Kind));
        await cts.CancelAsync();
        await Assert.ThrowsAsync<OperationCanceledException>(async () => await first.MoveNextAsync());
        await Assert.ThrowsAsync<OperationCanceledException>(async () => await second.MoveNextAsync());
        Assert.AreEqual(0, stream.SubscriberCount);
    }
}
