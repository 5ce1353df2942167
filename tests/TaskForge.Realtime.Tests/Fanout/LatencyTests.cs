using System.Diagnostics;
using TaskForge.Realtime.Fanout;
using TaskForge.Realtime.Tests.Support;
using Xunit.Abstractions;

namespace TaskForge.Realtime.Tests.Fanout;

/// <summary>
/// Commit-to-send through the tailer (ADR 0090): single-event appends at about 50/s, each timed from the return of its
/// commit to its arrival at a live subscriber. Reports p50/p99/max; fails only past a generous bound (shared machine).
/// </summary>
public sealed class LatencyTests(RealtimeFixture fixture, ITestOutputHelper output) : IClassFixture<RealtimeFixture>
{
    private const int Events = 300;

    [Fact]
    public async Task Live_events_reach_a_subscriber_well_within_a_second_of_their_commit()
    {
        var (owner, workspace, sink, subscription) = await fixture.LiveOnNewWorkspaceAsync();

        var committed = new Dictionary<long, long>();
        using (var pacer = new PeriodicTimer(TimeSpan.FromMilliseconds(20)))
        {
            for (var i = 0; i < Events; i++)
            {
                var position = (await fixture.Log.AppendAsync(owner, TestLog.TaskCreated(workspace, i)))[0];
                committed[position] = Stopwatch.GetTimestamp();
                await pacer.WaitForNextTickAsync();
            }
        }

        await sink.ReceivedAsync(committed.Keys.Max());
        var latencies = committed.Select(c => Stopwatch.GetElapsedTime(c.Value, sink.ReceivedAt(c.Key)).TotalMilliseconds).Order().ToArray();
        double P(double q) => latencies[(int)Math.Min(latencies.Length - 1, Math.Ceiling(q * latencies.Length) - 1)];
        output.WriteLine($"commit-to-send over {Events} single-event appends at ~50/s: p50 {P(0.5):F1} ms, p99 {P(0.99):F1} ms, max {latencies[^1]:F1} ms");
        Assert.Equal(committed.Keys.Order(), sink.Ids);
        Assert.True(P(0.99) < 1000, $"p99 {P(0.99):F1} ms");
        await subscription.DisposeAsync();
    }
}
