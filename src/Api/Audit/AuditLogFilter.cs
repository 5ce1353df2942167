namespace TaskForge.Api.Audit;

/// <summary>Which events of a workspace's log an auditor asks for; every condition is optional.</summary>
/// <param name="From">Stored at or after (Marten's commit timestamp).</param>
/// <param name="To">Stored at or before.</param>
public sealed record AuditLogFilter(
    Guid? ActorId = null,
    IReadOnlyList<string>? EventTypes = null,
    string? StreamId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null)
{
    public static AuditLogFilter None { get; } = new();

    /// <summary>A description of what is wrong with the filter, or null when it can be applied.</summary>
    public string? Problem() =>
        From is { } from && To is { } to && from > to ? "filter.from must not be later than filter.to."
        : EventTypes is { Count: 0 } ? "filter.eventTypes must not be empty when given."
        : null;
}

/// <summary>The order of an audit log page.</summary>
public enum AuditOrder
{
    OldestFirst,
    NewestFirst,
}
