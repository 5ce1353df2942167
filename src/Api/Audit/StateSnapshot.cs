using System.Text.Json;

namespace TaskForge.Api.Audit;

/// <summary>A stream's state as of a point of the log (time travel).</summary>
/// <param name="Version">The version of the last event folded; 0 when the stream had no event yet.</param>
/// <param name="EventId">That event's id (its global sequence), null when none.</param>
/// <param name="Exists">Whether it had been created by then (a deleted one still exists: its state says Deleted).</param>
public sealed record StateSnapshot(string StreamId, long Version, long? EventId, DateTimeOffset? RecordedAt, bool Exists, JsonElement State);
