using System.Diagnostics;
using TaskForge.Api.Commands;
using TaskForge.Api.Commands.Idempotency;
using TaskForge.Storage.Events;
using TaskForge.Api.Tests.Commands.Support;
using TaskForge.Domain;

namespace TaskForge.Api.Tests.Commands;

public sealed class MetadataTests(CommandFixture fixture) : IClassFixture<CommandFixture>
{
    [Fact]
    public async Task Given_commands_handled_through_the_handler_Then_every_stored_event_carries_actor_workspace_correlation_and_causation()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.Rename(board.Member, taskId, "With metadata")));

        var all = (await Task.WhenAll(board.Streams(taskId).Select(s => fixture.Store.ReadStreamAsync(s)))).SelectMany(e => e).ToList();

        Assert.Equal(13, all.Count);
        Assert.All(all, e =>
        {
            Assert.Equal(board.WorkspaceId, e.Metadata.WorkspaceId);
            Assert.True(Guid.TryParse(e.Metadata.ActorId, out _), "actor id");
            Assert.False(string.IsNullOrEmpty(e.Metadata.CorrelationId), "correlation id");
            Assert.True(Guid.TryParse(e.Metadata.CausationId, out _), "causation id");
            Assert.Equal(TestBoard.Now, e.Metadata.Timestamp);
            Assert.NotNull(e.Metadata.Headers);
            Assert.True(e.Metadata.Headers!.ContainsKey(EventHeaders.CommandType));
        });
    }

    [Fact]
    public async Task Given_a_request_trace_and_a_command_id_When_handled_Then_they_are_the_correlation_and_causation_of_its_events()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var commandId = Guid.NewGuid();
        using var request = new Activity("POST /graphql").SetIdFormat(ActivityIdFormat.W3C).Start();

        var result = await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.Rename(board.SecondMember, taskId, "Traced"), new CommandOptions(CommandId: commandId)));

        var stored = (await fixture.Store.ReadStreamAsync(StreamIds.Task(taskId))).Single(e => e.Position == result.Positions[0]);
        Assert.Equal(board.SecondMember.ToString(), stored.Metadata.ActorId);
        Assert.Equal(board.WorkspaceId, stored.Metadata.WorkspaceId);
        Assert.Equal(request.TraceId.ToHexString(), stored.Metadata.CorrelationId);
        Assert.Equal(commandId.ToString(), stored.Metadata.CausationId);
        Assert.Equal("RenameTask", stored.Metadata.Headers![EventHeaders.CommandType]);
    }

    [Fact]
    public async Task Given_a_supplied_correlation_id_and_a_key_When_handled_Then_the_events_carry_it_and_the_keys_command_id()
    {
        var board = await TestBoard.CreateAsync(fixture.Handler);
        var taskId = await board.NewTaskAsync();
        var options = new CommandOptions("meta-" + Guid.NewGuid(), CorrelationId: "corr-42");
        Assert.Null(IdempotencyKey.TryCreate(board.Member, options.IdempotencyKey, out var key));

        var result = await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(board.AddLabel(board.Member, taskId, "traced"), options));

        var stored = (await fixture.Store.ReadStreamAsync(StreamIds.Task(taskId))).Single(e => e.Position == result.Positions[0]);
        Assert.Equal("corr-42", stored.Metadata.CorrelationId);
        Assert.Equal(key!.CommandId.ToString(), stored.Metadata.CausationId);
        Assert.Equal(key.EventId(0), stored.EventId);
        Assert.Equal(CommandFingerprint.Of(board.AddLabel(board.Member, taskId, "traced")), stored.Metadata.Headers![EventHeaders.Fingerprint]);
    }
}
