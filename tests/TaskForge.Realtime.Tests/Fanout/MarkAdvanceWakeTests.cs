using TaskForge.Realtime.Fanout;
using TaskForge.Realtime.Tests.Support;

namespace TaskForge.Realtime.Tests.Fanout;

/// <summary>
/// On the node whose daemon certifies the high-water mark, the tailer is woken by the mark's advance itself (ADR 0136),
/// not only by the append notice or its polling: here there is no notice and polling is five minutes apart.
/// </summary>
public sealed class MarkAdvanceWakeTests(NoNoticeFixture fixture) : IClassFixture<NoNoticeFixture>
{
    [Fact]
    public async Task Events_go_live_when_the_daemon_advances_the_mark_without_a_notice_or_a_poll()
    {
        var (owner, workspace, sink, subscription) = await fixture.LiveOnNewWorkspaceAsync();

        var positions = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            // One at a time: each is appended while the tailer waits (its poll is five minutes away), or reads just before
            // the mark moves and then waits; either way only the mark's advance can wake it in time.
            var position = (await fixture.Log.AppendAsync(owner, TestLog.TaskCreated(workspace, i)))[0];
            positions.Add(position);
            await sink.ReceivedAsync(position);
        }

        Assert.Equal(positions, sink.Ids);
        await subscription.DisposeAsync();
    }
}
