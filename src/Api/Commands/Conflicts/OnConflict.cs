namespace TaskForge.Api.Commands.Conflicts;

/// <summary>What the command path does when another writer appended between its load and its append.</summary>
public enum OnConflict
{
    /// <summary>The outcome may depend on what the other writer changed: the caller gets CONFLICT and decides.</summary>
    Reject,

    /// <summary>The outcome does not depend on concurrent changes: reload, decide again on the new state, append.</summary>
    Retry,
}
