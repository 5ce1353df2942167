namespace TaskForge.EventStore.Appending;

/// <summary>An event to append: its id (the idempotency handle), type name, JSON body and metadata.</summary>
public sealed record EventData(Guid EventId, string Type, string Data, EventMetadata Metadata);
