using TaskForge.Api.Commands;

namespace TaskForge.Api.Schema;

/// <summary>An expected failure in a mutation payload (SDL type MutationError).</summary>
public sealed record MutationError(string Code, string Message, string? Field = null, long? CurrentVersion = null)
{
    public static MutationError From(CommandResult.Failed failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        return new MutationError(failed.Code, failed.Error.Message, failed.Error.Field, failed.CurrentVersion);
    }
}
