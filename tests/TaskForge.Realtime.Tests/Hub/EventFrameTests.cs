using System.Text.Json;
using System.Text.Json.Nodes;
using TaskForge.Realtime.Fanout;
using TaskForge.Realtime.Hub;

namespace TaskForge.Realtime.Tests.Hub;

/// <summary>The hub's pre-serialized Event frame is the JSON of the EventMessage contract, for every subscriber.</summary>
public sealed class EventFrameTests
{
    // What SignalR's JSON protocol uses by default: camelCase names, nulls written.
    private static readonly JsonSerializerOptions Hub = new(JsonSerializerDefaults.Web);

    [Fact]
    public void A_frame_is_the_event_message_of_its_subscription()
    {
        var e = Event(actor: Guid.NewGuid(), project: Guid.NewGuid(), task: null, data: """{"title":"Ship \"it\" – now","labels":["a","<b>"],"n":1.5}""");

        foreach (var subscription in new[] { "0f8fad5bd9cb469fa16570867728950e", "second", "with \"quotes\" and ünïcode" })
        {
            var frame = JsonNode.Parse(JsonSerializer.Serialize(new EventFrame(subscription, e), Hub));
            var message = JsonNode.Parse(JsonSerializer.Serialize(EventMessage.From(subscription, e), Hub));

            Assert.True(JsonNode.DeepEquals(message, frame), $"{frame}\n!=\n{message}");
        }
    }

    [Fact]
    public void Absent_ids_are_null_and_the_event_id_is_a_string()
    {
        var e = Event(actor: null, project: null, task: null, data: "{}");

        var frame = JsonNode.Parse(JsonSerializer.Serialize(new EventFrame("s", e), Hub))!.AsObject();

        Assert.Equal(JsonValueKind.String, frame["id"]!.GetValueKind());
        Assert.Equal("9007199254740993", frame["id"]!.GetValue<string>());
        Assert.Null(frame["actorId"]);
        Assert.True(frame.ContainsKey("actorId"));
        Assert.Equal("s", frame["subscriptionId"]!.GetValue<string>());
    }

    private static RealtimeEvent Event(Guid? actor, Guid? project, Guid? task, string data) =>
        new(9007199254740993, "TaskCreated", "task-1", 3, new DateTimeOffset(2026, 12, 7, 10, 9, 0, 123, TimeSpan.Zero).AddTicks(4567),
            actor, Guid.NewGuid(), project, task, JsonDocument.Parse(data).RootElement.Clone(), new object());
}
