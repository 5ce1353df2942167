using System.Text.Json;
using System.Text.Json.Nodes;
using MessagePack;
using TaskForge.Realtime.Fanout;
using TaskForge.Realtime.Hub;
using TaskForge.Realtime.Hub.MessagePackProtocol;
using TaskForge.Realtime.Presence;

namespace TaskForge.Realtime.Tests.Hub;

/// <summary>The hub's MessagePack protocol carries the JSON contract: the same members, names and value types (ADR 123).</summary>
public sealed class MessagePackContractTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly MessagePackSerializerOptions Options =
        MessagePackSerializerOptions.Standard.WithResolver(new JsonBridgeResolver(Json)).WithSecurity(MessagePackSecurity.UntrustedData);

    [Fact]
    public void An_event_frame_in_MessagePack_has_the_members_and_values_of_its_JSON()
    {
        var e = new RealtimeEvent(9007199254740993, "TaskCreated", "task-1", 3, DateTimeOffset.UnixEpoch, Guid.NewGuid(), Guid.NewGuid(), null, null,
            JsonDocument.Parse("""{"title":"Ship ünïcode","labels":["a"],"n":1.5,"count":7,"big":18446744073709551615,"none":null,"done":false}""").RootElement.Clone(),
            new object());
        var frame = new EventFrame("sub-1", e);

        var bytes = MessagePackSerializer.Serialize(frame, Options);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(JsonSerializer.Serialize(frame, Json)), JsonNode.Parse(MessagePackSerializer.ConvertToJson(bytes))));
        var map = (Dictionary<object, object?>)MessagePackSerializer.Deserialize<object>(bytes, MessagePackSerializerOptions.Standard)!;
        Assert.Equal("9007199254740993", map["id"]);
        Assert.Null(map["projectId"]);
        var data = (Dictionary<object, object?>)map["data"]!;
        Assert.Equal(7, Convert.ToInt64(data["count"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ulong.MaxValue, data["big"]);
        Assert.Equal(1.5, data["n"]);
        Assert.Equal(false, data["done"]);
    }

    [Fact]
    public void A_subscribe_request_reads_its_after_as_a_string_or_an_integer_and_its_names_in_any_case()
    {
        var asString = Read<SubscribeRequest>(new Dictionary<string, object?> { ["scopes"] = new[] { "me" }, ["after"] = "42" });
        var asInteger = Read<SubscribeRequest>(new Dictionary<string, object?> { ["Scopes"] = new[] { "me", "task:x" }, ["after"] = 43 });
        var fresh = Read<SubscribeRequest>(new Dictionary<string, object?> { ["scopes"] = new[] { "me" }, ["after"] = null });

        Assert.Equal(["me"], asString.Scopes);
        Assert.Equal(42L, asString.After);
        Assert.Equal(["me", "task:x"], asInteger.Scopes);
        Assert.Equal(43L, asInteger.After);
        Assert.Null(fresh.After);
    }

    [Fact]
    public void Presence_messages_keep_their_nested_members()
    {
        var member = new PresenceMember(Guid.NewGuid(), "Ada", DateTimeOffset.UnixEpoch);
        var message = new PresenceChangedMessage("project:p", [member]);

        var json = MessagePackSerializer.ConvertToJson(MessagePackSerializer.Serialize(message, Options));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(JsonSerializer.Serialize(message, Json)), JsonNode.Parse(json)));
    }

    [Fact]
    public void A_map_with_a_non_string_key_is_refused_and_a_malformed_after_is_read_as_an_error_to_answer()
    {
        var integerKey = MessagePackSerializer.Serialize(new Dictionary<int, string> { [1] = "me" });
        var badAfter = MessagePackSerializer.Serialize(new Dictionary<string, object> { ["scopes"] = new[] { "me" }, ["after"] = "not a number" });

        Assert.Throws<MessagePackSerializationException>(() => MessagePackSerializer.Deserialize<SubscribeRequest>(integerKey, Options));
        var read = MessagePackSerializer.Deserialize<SubscribeRequest>(badAfter, Options);
        Assert.Equal(["me"], read.Scopes);
        Assert.Null(read.After);
        Assert.StartsWith("after must be the last event id you hold", read.Error, StringComparison.Ordinal);
    }

    private static T Read<T>(Dictionary<string, object?> map) =>
        MessagePackSerializer.Deserialize<T>(MessagePackSerializer.Serialize(map, MessagePackSerializerOptions.Standard), Options);
}
