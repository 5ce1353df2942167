namespace TaskForge.Domain;

/// <summary>
/// Implemented by commands whose intent survives a concurrent change of their stream: re-deciding
/// them on the newer state cannot overwrite someone else's edit (adding to or removing from a set,
/// adding a new entity). The command path may retry these on a version conflict; every other
/// command reports CONFLICT to its caller (ADR 0046).
/// </summary>
public interface IRetryableCommand;
