using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using TaskForge.Api.Commands.Telemetry;
using TaskForge.Api.Tests.Commands.Support;
using TaskForge.Domain;

namespace TaskForge.Api.Tests.Commands;

public sealed class TelemetryTests(CommandFixture fixture) : IClassFixture<CommandFixture>
{
    [Fact]
    public async Task Given_a_command_that_meets_a_conflict_and_retries_Then_its_span_and_the_counters_record_it()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var handler = fixture.HandlerWith(inner => new InterleavingAppender(inner, () =>
            TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.AddLabel(board.SecondMember, taskId, "theirs")))));
        var measurements = new ConcurrentBag<(string Instrument, string? Command, string? Outcome)>();
        var spans = new ConcurrentBag<Activity>();
        using var meters = Listen(measurements);
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CommandTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(activities);

        var result = await TestBoard.SucceedsAsync(handler.HandleAsync(board.AddLabel(board.Member, taskId, "mine")));

        Assert.Contains(("taskforge.commands.conflicts", "AddTaskLabel", null), measurements);
        Assert.Contains(("taskforge.commands.retries", "AddTaskLabel", null), measurements);
        Assert.Contains(("taskforge.commands.handled", "AddTaskLabel", "OK"), measurements);
        Assert.Contains(("taskforge.commands.duration", "AddTaskLabel", "OK"), measurements);
        Assert.Contains(spans, s => s.DisplayName == "command AddTaskLabel"
            && (string?)s.GetTagItem("taskforge.stream_id") == StreamIds.Task(taskId)
            && (string?)s.GetTagItem("taskforge.outcome") == "OK");
        Assert.Equal(4, result.Version);
    }

    private static MeterListener Listen(ConcurrentBag<(string, string?, string?)> measurements)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == CommandTelemetry.Name)
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => measurements.Add(Describe(instrument, tags)));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => measurements.Add(Describe(instrument, tags)));
        listener.Start();
        return listener;
    }

    private static (string, string?, string?) Describe(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? command = null, outcome = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "command")
                command = tag.Value as string;
            else if (tag.Key == "outcome")
                outcome = tag.Value as string;
        }

        return (instrument.Name, command, outcome);
    }
}
