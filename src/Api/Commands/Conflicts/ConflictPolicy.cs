using TaskForge.Domain;

namespace TaskForge.Api.Commands.Conflicts;

/// <summary>
/// Which commands the command path retries after a concurrency conflict (ADR 0051): exactly the command types the
/// domain marks <see cref="IRetryableCommand"/> (adding to or removing from a set, adding a comment, read marks), whose
/// re-decision on the newer state cannot overwrite someone else's edit. Every other command (an edit of a field, a
/// move, a create) is reported to its caller as CONFLICT with the current version.
/// </summary>
public static class ConflictPolicy
{
    public static OnConflict For(Type commandType)
    {
        ArgumentNullException.ThrowIfNull(commandType);
        return typeof(IRetryableCommand).IsAssignableFrom(commandType) ? OnConflict.Retry : OnConflict.Reject;
    }

    public static bool RetriesOnConflict(object command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command is IRetryableCommand;
    }
}
