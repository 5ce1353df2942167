namespace TaskForge.Api.Commands;

/// <summary>
/// What a request adds to a domain command on its way through <see cref="CommandHandler"/>.
/// </summary>
/// <param name="IdempotencyKey">
/// Client-supplied (1 to 200 printable characters, scoped to the actor): a retry with the same key returns the first
/// result and writes nothing new (ADR 0050).
/// </param>
/// <param name="ExpectedVersion">
/// The stream version the client last saw. When the stream has moved on the command fails with CONFLICT and the
/// current version; such a command is never retried automatically.
/// </param>
/// <param name="CorrelationId">The request's trace id; defaults to <c>Activity.Current?.TraceId</c>.</param>
/// <param name="CommandId">The causation id of the events; defaults to an id derived from the key, or a new one.</param>
/// <param name="Intent">
/// What the client asked for, when the command also carries values the server derived from read models (a board position,
/// a task count) that a retry would derive anew: the idempotency fingerprint then covers this instead of the command.
/// </param>
/// <param name="Origin">Where the request came from (client IP, user agent), written as headers on every event.</param>
public sealed record CommandOptions(
    string? IdempotencyKey = null,
    long? ExpectedVersion = null,
    string? CorrelationId = null,
    Guid? CommandId = null,
    string? Intent = null,
    RequestOrigin? Origin = null)
{
    public static CommandOptions None { get; } = new();
}
