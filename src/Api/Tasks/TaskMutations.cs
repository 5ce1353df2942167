using TaskForge.Api.Commands;
using TaskForge.Api.Schema;
using TaskForge.Domain.Tasks;
using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Types;
using TaskForge.Projections.Board;
using static TaskForge.Domain.Tasks.TaskCommand;

namespace TaskForge.Api.Tasks;

/// <summary>One mutation per task command; each returns the task as the change left it.</summary>
public static class TaskMutations
{
    public static SchemaBuilder BindTaskMutations(this SchemaBuilder schema, IServiceProvider services)
    {
        var run = services.GetRequiredService<MutationRunner>();
        var boards = services.GetRequiredService<BoardReader>();
        return schema
            .BindField("Mutation", "createTask", ctx => Task(ctx, run, async (input, caller, options) =>
            {
                var project = input.Id("projectId", GlobalIdKind.Project);
                var column = input.OptionalId("columnId", GlobalIdKind.Column);
                var (columnId, position) = await BoardPositions.AtEndAsync(boards, caller.Id, project[1], column?[2], ctx.CancellationToken);
                return new CreateTask(caller.Id, run.Now, project[0], project[1], MutationRunner.NewId(caller, options, "task"), input.String("title"),
                    input.OptionalString("description"), input.Enum<TaskPriority>("priority") ?? TaskPriority.None, input.DateTime("dueDate"),
                    input.Has("labels") ? [.. input.List("labels").Cast<string>()] : null,
                    input.Has("assigneeIds") ? [.. input.Ids("assigneeIds", GlobalIdKind.User).Select(u => u[0])] : null, columnId, position);
            }))
            .BindField("Mutation", "renameTask", ctx => Task(ctx, run, (input, caller, _) =>
                On(input, id => new RenameTask(caller.Id, run.Now, id[0], id[1], id[2], input.String("title")))))
            .BindField("Mutation", "editTaskDescription", ctx => Task(ctx, run, (input, caller, _) =>
                On(input, id => new EditTaskDescription(caller.Id, run.Now, id[0], id[1], id[2], input.String("description")))))
            .BindField("Mutation", "assignTask", ctx => Task(ctx, run, (input, caller, _) =>
                On(input, id => new AssignTask(caller.Id, run.Now, id[0], id[1], id[2], input.Id("userId", GlobalIdKind.User)[0]))))
            .BindField("Mutation", "unassignTask", ctx => Task(ctx, run, (input, caller, _) =>
                On(input, id => new UnassignTask(caller.Id, run.Now, id[0], id[1], id[2], input.Id("userId", GlobalIdKind.User)[0]))))
            .BindField("Mutation", "moveTask", ctx => Task(ctx, run, async (input, caller, _) =>
            {
                var id = TaskId(input);
                var column = input.Id("columnId", GlobalIdKind.Column);
                if (column[1] != id[1])
                {
                    throw new InputException("columnId is not a column of the task's board.", "columnId");
                }

                var board = await boards.GetAsync(caller.Id, id[1], ctx.CancellationToken);
                var position = BoardPositions.Between(board, id[2], column[2], input.OptionalId("afterTaskId", GlobalIdKind.Task)?[2],
                    input.OptionalId("beforeTaskId", GlobalIdKind.Task)?[2]);
                return new MoveTask(caller.Id, run.Now, id[0], id[1], id[2], column[2], position);
            }))
            .BindField("Mutation", "setTaskPriority", ctx => Task(ctx, run, (input, caller, _) =>
                On(input, id => new SetTaskPriority(caller.Id, run.Now, id[0], id[1], id[2],
                    input.Enum<TaskPriority>("priority") ?? throw new InputException("priority is required.", "priority")))))
            .BindField("Mutation", "setTaskDueDate", ctx => Task(ctx, run, (input, caller, _) =>
                On(input, id => new SetTaskDueDate(caller.Id, run.Now, id[0], id[1], id[2],
                    input.DateTime("dueDate") ?? throw new InputException("dueDate is required.", "dueDate")))))
            .BindField("Mutation", "clearTaskDueDate", ctx => Task(ctx, run, (input, caller, _) =>
                On(input, id => new ClearTaskDueDate(caller.Id, run.Now, id[0], id[1], id[2]))))
            .BindField("Mutation", "addTaskLabel", ctx => Task(ctx, run, (input, caller, _) =>
                On(input, id => new AddTaskLabel(caller.Id, run.Now, id[0], id[1], id[2], input.String("label")))))
            .BindField("Mutation", "removeTaskLabel", ctx => Task(ctx, run, (input, caller, _) =>
                On(input, id => new RemoveTaskLabel(caller.Id, run.Now, id[0], id[1], id[2], input.String("label")))))
            .BindField("Mutation", "watchTask", ctx => Task(ctx, run, (input, caller, _) =>
                On(input, id => new WatchTask(caller.Id, run.Now, id[0], id[1], id[2]))))
            .BindField("Mutation", "unwatchTask", ctx => Task(ctx, run, (input, caller, _) =>
                On(input, id => new UnwatchTask(caller.Id, run.Now, id[0], id[1], id[2]))))
            .BindField("Mutation", "completeTask", ctx => Task(ctx, run, (input, caller, _) =>
                On(input, id => new CompleteTask(caller.Id, run.Now, id[0], id[1], id[2]))))
            .BindField("Mutation", "reopenTask", ctx => Task(ctx, run, (input, caller, _) =>
                On(input, id => new ReopenTask(caller.Id, run.Now, id[0], id[1], id[2]))))
            .BindField("Mutation", "deleteTask", ctx => Task(ctx, run, (input, caller, _) =>
                On(input, id => new DeleteTask(caller.Id, run.Now, id[0], id[1], id[2]))))
            .BindField("Mutation", "restoreTask", ctx => Task(ctx, run, (input, caller, _) =>
                On(input, id => new RestoreTask(caller.Id, run.Now, id[0], id[1], id[2]))));
    }

    private static GlobalId TaskId(Input input) => input.Id("taskId", GlobalIdKind.Task);

    private static Task<TaskCommand> On(Input input, Func<GlobalId, TaskCommand> build) => System.Threading.Tasks.Task.FromResult(build(TaskId(input)));

    private static ValueTask<object?> Task(ResolveContext ctx, MutationRunner run, Func<Input, Caller, CommandOptions, Task<TaskCommand>> build) =>
        run.RunAsync(ctx, "task", ReadModelNames.Task, async (input, caller, options, ct) =>
        {
            var command = await build(input, caller, options);
            var result = await run.Commands.HandleAsync(command, options, ct);
            return (result, async () => (object?)await TaskSchema.LoadAsync(ctx, command.TaskId, fresh: true));
        });
}
