using TaskForge.Api.Commands;
using TaskForge.Api.Schema;
using TaskForge.Api.Tasks;
using TaskForge.Domain.Comments;
using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Types;
using static TaskForge.Domain.Comments.CommentCommand;

namespace TaskForge.Api.Comments;

/// <summary>One mutation per comment command; each returns the comment and its task as the change left them.</summary>
public static class CommentMutations
{
    public static SchemaBuilder BindCommentMutations(this SchemaBuilder schema, IServiceProvider services)
    {
        var run = services.GetRequiredService<MutationRunner>();
        return schema
            .BindField("Mutation", "addComment", ctx => Comment(ctx, run, (input, caller, options) =>
            {
                var task = input.Id("taskId", GlobalIdKind.Task);
                return new AddComment(caller.Id, run.Now, task[0], task[1], task[2], MutationRunner.NewId(caller, options, "comment"), input.String("body"));
            }))
            .BindField("Mutation", "editComment", ctx => Comment(ctx, run, (input, caller, _) =>
            {
                var id = input.Id("commentId", GlobalIdKind.Comment);
                return new EditComment(caller.Id, run.Now, id[0], id[1], id[2], id[3], input.String("body"));
            }))
            .BindField("Mutation", "deleteComment", ctx => Comment(ctx, run, (input, caller, _) =>
            {
                var id = input.Id("commentId", GlobalIdKind.Comment);
                return new DeleteComment(caller.Id, run.Now, id[0], id[1], id[2], id[3]);
            }));
    }

    private static ValueTask<object?> Comment(ResolveContext ctx, MutationRunner run, Func<Input, Caller, CommandOptions, CommentCommand> build) =>
        run.RunAsync(ctx, "comment", ReadModelNames.Comment, async (input, caller, options, ct) =>
        {
            var command = build(input, caller, options);
            var result = await run.Commands.HandleAsync(command, options, ct);
            return (result, async () =>
            {
                var task = await TaskSchema.LoadAsync(ctx, command.TaskId, fresh: true);
                var comment = task?.Detail?.Comments.FirstOrDefault(c => c.CommentId == command.CommentId);
                return (object?)new PayloadFields
                {
                    ["task"] = task,
                    ["comment"] = comment is null ? null : new CommentObject(task!.WorkspaceId, task.ProjectId, comment),
                };
            });
        });
}
