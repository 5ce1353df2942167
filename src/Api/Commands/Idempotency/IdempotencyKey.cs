using TaskForge.Domain;

namespace TaskForge.Api.Commands.Idempotency;

/// <summary>
/// A client's idempotency key, scoped to the actor that sent it. Every id a keyed command writes derives from
/// (actor, key): its event ids, its command (causation) id and the ids of things it creates (ADR 0050).
/// </summary>
public sealed record IdempotencyKey
{
    public const int MaxLength = 200;

    private static readonly Guid Namespace = Guid.Parse("6f1d3c2a-9b57-4e0e-a1c4-3d2b7e5f9a10");

    private IdempotencyKey(Guid actorId, string value)
    {
        ActorId = actorId;
        Value = value;
    }

    public Guid ActorId { get; }

    public string Value { get; }

    public Guid CommandId => Derive("command", 0);

    public static DomainError? TryCreate(Guid actorId, string? raw, out IdempotencyKey? key)
    {
        key = null;
        if (raw is null)
            return null;
        if (raw.Length is 0 or > MaxLength || raw.Any(char.IsControl) || raw.Trim().Length != raw.Length)
        {
            return DomainError.Validation(
                $"idempotencyKey must be 1 to {MaxLength} characters without control characters or surrounding spaces.", "idempotencyKey");
        }

        key = new IdempotencyKey(actorId, raw);
        return null;
    }

    /// <summary>The id of the <paramref name="index"/>-th event (0-based) the keyed command appends.</summary>
    public Guid EventId(int index) => Derive("event", index);

    /// <summary>
    /// The id of a thing a keyed command creates (a task, a comment, a project...), so a retried create names the
    /// same thing. <paramref name="kind"/> tells apart several things one command creates.
    /// </summary>
    public Guid CreatedId(string kind) => Derive("created:" + kind, 0);

    /// <summary>The id of a thing created under the client's key, for callers that build the command.</summary>
    public static Guid CreatedId(Guid actorId, string idempotencyKey, string kind) =>
        TryCreate(actorId, idempotencyKey, out var key) is { } error
            ? throw new ArgumentException(error.Message, nameof(idempotencyKey))
            : key!.CreatedId(kind);

    private Guid Derive(string purpose, int index) =>
        NameBasedGuid.Create(Namespace, $"{ActorId:N}\n{purpose}\n{index}\n{Value}");
}
