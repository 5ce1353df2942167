using TaskForge.Api.Commands.Idempotency;
using TaskForge.Domain.Tasks;

namespace TaskForge.Api.Tests.Commands;

public sealed class NameBasedGuidTests
{
    private static readonly Guid Namespace = Guid.Parse("11111111-2222-3333-4444-555555555555");

    [Fact]
    public void The_same_name_gives_the_same_id_and_another_name_another_id()
    {
        Assert.Equal(NameBasedGuid.Create(Namespace, "a"), NameBasedGuid.Create(Namespace, "a"));
        Assert.NotEqual(NameBasedGuid.Create(Namespace, "a"), NameBasedGuid.Create(Namespace, "b"));
        Assert.NotEqual(NameBasedGuid.Create(Namespace, "a"), NameBasedGuid.Create(Guid.Empty, "a"));
    }

    [Fact]
    public void Ids_carry_the_RFC_9562_version_8_and_variant_bits()
    {
        var id = NameBasedGuid.Create(Namespace, "task");

        Assert.Equal(8, id.Version);
        Assert.Equal('8', id.ToString()[14]);
        Assert.Contains(id.ToString()[19], "89ab");
    }

    [Fact]
    public void A_keys_event_command_and_created_ids_all_differ_and_depend_on_the_actor()
    {
        var actor = Guid.NewGuid();
        Assert.Null(IdempotencyKey.TryCreate(actor, "k-1", out var key));
        Assert.Null(IdempotencyKey.TryCreate(Guid.NewGuid(), "k-1", out var otherActorsKey));

        Guid[] ids = [key!.EventId(0), key.EventId(1), key.CommandId, key.CreatedId("task"), key.CreatedId("comment")];

        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.NotEqual(key.EventId(0), otherActorsKey!.EventId(0));
        Assert.Equal(key.CreatedId("task"), IdempotencyKey.CreatedId(actor, "k-1", "task"));
    }

    [Fact]
    public void The_fingerprint_ignores_the_clock_but_not_the_content()
    {
        var now = DateTimeOffset.UnixEpoch;
        var rename = new TaskCommand.RenameTask(Guid.NewGuid(), now, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "A");

        Assert.Equal(CommandFingerprint.Of(rename), CommandFingerprint.Of(rename with { Now = now.AddMinutes(5) }));
        Assert.NotEqual(CommandFingerprint.Of(rename), CommandFingerprint.Of(rename with { Title = "B" }));
    }
}
