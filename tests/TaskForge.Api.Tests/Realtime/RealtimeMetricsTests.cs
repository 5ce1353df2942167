using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using TaskForge.Api.Tests.GraphQL.Support;
using TaskForge.Realtime;

namespace TaskForge.Api.Tests.Realtime;

/// <summary>
/// The meter <c>TaskForge.Realtime</c> of this class's own host (its meter factory's instruments only, so other hosts in the
/// test run do not count): open connections, live subscriptions, events delivered.
/// </summary>
public sealed class RealtimeMetricsTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private const string Connections = "taskforge.realtime.connections";
    private const string Subscriptions = "taskforge.realtime.subscriptions";
    private const string DeliveredLive = "taskforge.realtime.events_delivered/live";

    [Fact]
    public async Task The_meter_reports_connections_subscriptions_and_events_delivered()
    {
        using var meter = new RealtimeMeter(fixture.Factory.Services.GetRequiredService<IMeterFactory>());
        var owner = await fixture.SignUpAsync("owner");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        var project = await ApiSeed.ProjectAsync(owner, workspace);

        var client = await HubClient.ConnectAsync(fixture.Factory.Server, owner.AccessToken!);
        await Until.TrueAsync(() => meter[Connections] == 1, "one open connection", describe: meter.Describe);
        var subscription = (await client.SubscribeAsync([$"workspace:{workspace}"], null)).GetProperty("subscriptionId").GetString();
        await client.SubscribeAsync(["me"], null);
        await Until.TrueAsync(() => meter[Subscriptions] == 2, "two subscriptions", describe: meter.Describe);

        var last = 0L;
        for (var i = 0; i < 3; i++)
            last = ApiSeed.EventId(await ApiSeed.TaskAsync(owner, project, $"task {i}"));
        await client.UntilAsync(c => c.Ids.Contains(last), "the last task's event");
        // Each event sent is counted once it is sent (so possibly just after the client has it).
        await Until.TrueAsync(() => meter[DeliveredLive] == client.Events.Count, "a delivery counted per event sent", describe: meter.Describe);
        Assert.True(meter[DeliveredLive] >= 3);

        await client.Connection.InvokeAsync("Unsubscribe", subscription);
        await Until.TrueAsync(() => meter[Subscriptions] == 1, "one subscription after the unsubscribe", describe: meter.Describe);
        await client.DisposeAsync();
        await Until.TrueAsync(() => meter[Connections] == 0 && meter[Subscriptions] == 0, "no connection and no subscription", describe: meter.Describe);
    }

    [Fact]
    public async Task Bug_a_disconnect_takes_each_of_its_subscriptions_off_the_subscriptions_metric_once()
    {
        using var meter = new RealtimeMeter(fixture.Factory.Services.GetRequiredService<IMeterFactory>());
        var owner = await fixture.SignUpAsync("owner");
        var workspace = await ApiSeed.WorkspaceAsync(owner);

        var client = await HubClient.ConnectAsync(fixture.Factory.Server, owner.AccessToken!);
        for (var i = 0; i < 4; i++)
            await client.SubscribeAsync([$"workspace:{workspace}"], null);
        await Until.TrueAsync(() => meter[Connections] == 1 && meter[Subscriptions] == 4, "one connection with four subscriptions", describe: meter.Describe);

        await client.DisposeAsync();
        // The connection is counted closed after its subscriptions are: by then each was taken off exactly once (the end of
        // a subscription's pump used to take it off a second time when the disconnect had not cleared it yet).
        await Until.TrueAsync(() => meter[Connections] == 0, "the connection to be closed", describe: meter.Describe);
        Assert.Equal(0, meter[Subscriptions]);
    }

    [Fact]
    public async Task The_meter_counts_the_connections_present_in_a_board_or_task()
    {
        const string Presence = "taskforge.realtime.presence_members";
        using var meter = new RealtimeMeter(fixture.Factory.Services.GetRequiredService<IMeterFactory>());
        var owner = await fixture.SignUpAsync("owner");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        var project = await ApiSeed.ProjectAsync(owner, workspace);
        var task = (await ApiSeed.TaskAsync(owner, project, "Viewed")).GetProperty("task").GetProperty("id").GetString();

        var client = await HubClient.ConnectAsync(fixture.Factory.Server, owner.AccessToken!);
        await client.Connection.InvokeAsync<System.Text.Json.JsonElement>("JoinPresence", new { scope = $"project:{project}" });
        await client.Connection.InvokeAsync<System.Text.Json.JsonElement>("JoinPresence", new { scope = $"task:{task}" });
        await client.Connection.InvokeAsync<System.Text.Json.JsonElement>("JoinPresence", new { scope = $"task:{task}" });
        Assert.Equal(2, meter[Presence]);
        await client.Connection.InvokeAsync("LeavePresence", new { scope = $"task:{task}" });
        Assert.Equal(1, meter[Presence]);
        await client.DisposeAsync();
        await Until.TrueAsync(() => meter[Presence] == 0, "the disconnect to take the board's presence off", describe: meter.Describe);
    }

    /// <summary>Sums of the host's TaskForge.Realtime counters since it was made (events_delivered by phase).</summary>
    private sealed class RealtimeMeter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, long> _sums = new(StringComparer.Ordinal);

        public RealtimeMeter(IMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == RealtimeMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                var name = instrument.Name;
                foreach (var tag in tags)
                {
                    if (tag.Key == "phase")
                        name += "/" + tag.Value;
                }

                // An observed instrument reports its current value; the others report changes, summed here.
                if (instrument.IsObservable)
                    _sums[name] = value;
                else
                    _sums.AddOrUpdate(name, value, (_, sum) => sum + value);
            });
            _listener.Start();
        }

        public long this[string name]
        {
            get
            {
                _listener.RecordObservableInstruments();
                return _sums.GetValueOrDefault(name);
            }
        }

        public string Describe()
        {
            _listener.RecordObservableInstruments();
            return string.Join(", ", _sums.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        }

        public void Dispose() => _listener.Dispose();
    }
}
