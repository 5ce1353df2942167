using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using TaskForge.EventStore.Appending;
using TaskForge.EventStore.Telemetry;
using TaskForge.Testing;

namespace TaskForge.EventStore.Tests.Telemetry;

public sealed class TelemetryTests(EventStoreFixture fixture) : IClassFixture<EventStoreFixture>
{
    [Fact]
    public async Task Appends_conflicts_latency_and_traces_are_recorded()
    {
        var totals = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == EventStoreTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => totals.AddOrUpdate(instrument.Name, value, (_, t) => t + value));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => totals.AddOrUpdate(instrument.Name, 1, (_, t) => t + 1));
        listener.Start();
        var activities = new ConcurrentBag<Activity>();
        using var tracing = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EventStoreTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(tracing);
        var stream = TestEvents.Stream();

        await fixture.Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Many(3));
        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => fixture.Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.New()]));

        Assert.True(totals.GetValueOrDefault("taskforge.eventstore.appends") >= 1);
        Assert.True(totals.GetValueOrDefault("taskforge.eventstore.events_appended") >= 3);
        Assert.True(totals.GetValueOrDefault("taskforge.eventstore.conflicts") >= 1);
        Assert.True(totals.GetValueOrDefault("taskforge.eventstore.append.duration") >= 1);
        Assert.Contains(activities, a => a.OperationName == "eventstore.append" && (string?)a.GetTagItem("taskforge.stream_id") == stream);
    }
}
