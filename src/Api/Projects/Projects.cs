using TaskForge.Api.Commands;
using TaskForge.Api.Schema;

namespace TaskForge.Api.Projects;

/// <summary>Ids the project mutations derive.</summary>
internal static class Projects
{
    /// <summary>A new project's i-th column: derived from the key when there is one, so a retried create names the same columns.</summary>
    public static Guid NewColumnId(Caller caller, CommandOptions options, Guid projectId, int index) =>
        options.IdempotencyKey is null ? Guid.CreateVersion7() : MutationRunner.NewId(caller, options, $"column:{projectId:N}:{index}");
}
