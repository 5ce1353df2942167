using TaskForge.Api.Commands;
using TaskForge.Api.Schema;
using TaskForge.Domain.Projects;
using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Types;
using TaskForge.Projections.Board;
using static TaskForge.Domain.Projects.ProjectCommand;

namespace TaskForge.Api.Projects;

/// <summary>One mutation per project command; each returns the project as the change left it.</summary>
public static class ProjectMutations
{
    public static SchemaBuilder BindProjectMutations(this SchemaBuilder schema, IServiceProvider services)
    {
        var run = services.GetRequiredService<MutationRunner>();
        var boards = services.GetRequiredService<BoardReader>();
        return schema
            .BindField("Mutation", "createProject", ctx => Project(ctx, run, (input, caller, options) =>
            {
                var projectId = MutationRunner.NewId(caller, options, "project");
                var columns = input.List("columns").Select((column, i) => new BoardColumn(
                    Projects.NewColumnId(caller, options, projectId, i),
                    new Input((IReadOnlyDictionary<string, object?>)column!).String("name"))).ToList();
                return Task.FromResult<ProjectCommand>(new CreateProject(caller.Id, run.Now, input.Id("workspaceId", GlobalIdKind.Workspace)[0], projectId,
                    input.String("name"), input.OptionalString("description"), columns.Count == 0 ? null : columns));
            }))
            .BindField("Mutation", "renameProject", ctx => Project(ctx, run, (input, caller, _) =>
                Done(ProjectId(input), id => new RenameProject(caller.Id, run.Now, id[0], id[1], input.String("name")))))
            .BindField("Mutation", "describeProject", ctx => Project(ctx, run, (input, caller, _) =>
                Done(ProjectId(input), id => new DescribeProject(caller.Id, run.Now, id[0], id[1], input.String("description")))))
            .BindField("Mutation", "archiveProject", ctx => Project(ctx, run, (input, caller, _) =>
                Done(ProjectId(input), id => new ArchiveProject(caller.Id, run.Now, id[0], id[1]))))
            .BindField("Mutation", "restoreProject", ctx => Project(ctx, run, (input, caller, _) =>
                Done(ProjectId(input), id => new RestoreProject(caller.Id, run.Now, id[0], id[1]))))
            .BindField("Mutation", "addColumn", ctx => Project(ctx, run, (input, caller, options) =>
                Done(ProjectId(input), id => new AddColumn(caller.Id, run.Now, id[0], id[1], MutationRunner.NewId(caller, options, "column"),
                    input.String("name"), input.Int("index")))))
            .BindField("Mutation", "renameColumn", ctx => Project(ctx, run, (input, caller, _) =>
                Done(input.Id("columnId", GlobalIdKind.Column), id => new RenameColumn(caller.Id, run.Now, id[0], id[1], id[2], input.String("name")))))
            .BindField("Mutation", "reorderColumns", ctx => Project(ctx, run, (input, caller, _) =>
                Done(ProjectId(input), id => new ReorderColumns(caller.Id, run.Now, id[0], id[1],
                    [.. input.Ids("columnIds", GlobalIdKind.Column).Select(c => c[2])]))))
            .BindField("Mutation", "removeColumn", ctx => Project(ctx, run, async (input, caller, _) =>
            {
                var column = input.Id("columnId", GlobalIdKind.Column);
                var target = input.OptionalId("targetColumnId", GlobalIdKind.Column);
                // The project stream cannot see tasks: how many the column holds comes from the board read model (ADR 0041).
                var board = await boards.GetAsync(caller.Id, column[1], ctx.CancellationToken);
                var tasks = board?.Columns.FirstOrDefault(c => c.ColumnId == column[2])?.Tasks.Count ?? 0;
                return new RemoveColumn(caller.Id, run.Now, column[0], column[1], column[2], target?[2], tasks);
            }));
    }

    private static GlobalId ProjectId(Input input) => input.Id("projectId", GlobalIdKind.Project);

    private static Task<ProjectCommand> Done(GlobalId id, Func<GlobalId, ProjectCommand> build) => Task.FromResult(build(id));

    private static ValueTask<object?> Project(ResolveContext ctx, MutationRunner run, Func<Input, Caller, CommandOptions, Task<ProjectCommand>> build) =>
        run.RunAsync(ctx, "project", ReadModelNames.Project, async (input, caller, options, ct) =>
        {
            var command = await build(input, caller, options);
            var result = await run.Commands.HandleAsync(command, options, ct);
            return (result, async () => (object?)await ProjectSchema.LoadAsync(ctx, command.ProjectId, fresh: true));
        });
}
