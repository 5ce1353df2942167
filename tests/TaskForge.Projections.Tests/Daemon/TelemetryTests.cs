using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TaskForge.Projections.Telemetry;
using TaskForge.Projections.Tests.Support;
using TaskForge.Testing;

namespace TaskForge.Projections.Tests.Daemon;

public sealed class TelemetryTests(EventStoreFixture fixture) : IClassFixture<EventStoreFixture>
{
    [Fact]
    public async Task Given_a_running_projection_When_events_are_applied_and_parked_Then_the_meter_reports_throughput_batches_lag_and_parked_events()
    {
        var harness = new DaemonHarness(fixture.Store);
        var name = "metered" + Guid.NewGuid().ToString("N")[..8];
        var projection = new TallyProjection(name);
        var measurements = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ProjectionMetrics.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "projection" && Equals(tag.Value, name))
                {
                    measurements.AddOrUpdate(instrument.Name, value, (_, sum) => instrument is ObservableGauge<long> or ObservableGauge<double> ? value : sum + value);
                }
            }
        }

        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();

        await TestLog.AppendAsync(fixture.Store, "metered-" + Guid.NewGuid().ToString("N"), 20);
        await TestLog.AppendAsync(fixture.Store, "metered-" + Guid.NewGuid().ToString("N"), 1, projection.PoisonMarker);
        await using var daemon = await harness.StartAsync([projection]);
        await Projected.CaughtUpAsync(fixture.Store, harness.Admin, name);
        await Projected.UntilAsync(() =>
        {
            listener.RecordObservableInstruments();
            return Task.FromResult(measurements.GetValueOrDefault("taskforge.projections.parked") == 1);
        }, "the parked gauge");

        var events = (await TestLog.PositionsAsync(fixture.Store)).Count;
        Assert.Equal(events, measurements["taskforge.projections.events"]);
        Assert.Equal(events, measurements["taskforge.projections.batch.size"]);
        Assert.Equal(1, measurements["taskforge.projections.parked.total"]);
        Assert.True(measurements.ContainsKey("taskforge.projections.event.delay"));
        Assert.Equal(0, measurements["taskforge.projections.lag.events"]);
        Assert.Equal(0, measurements["taskforge.projections.lag.seconds"]);
    }
}
