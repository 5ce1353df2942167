namespace TaskForge.Api.Commands.Idempotency;

/// <summary>Where a keyed command's events were stored, and the fingerprint of the command that stored them.</summary>
public sealed record StoredCommand(string StreamId, long Version, IReadOnlyList<long> Positions, string? Fingerprint);
