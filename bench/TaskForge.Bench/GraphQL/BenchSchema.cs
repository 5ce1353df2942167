using System.Text.Json;
using TaskForge.GraphQL;
using TaskForge.GraphQL.Types;

namespace TaskForge.Bench.GraphQL;

/// <summary>
/// bench/graphql-js/schema.graphql bound to data.json loaded as typed records, with the same resolvers
/// bench.mjs gives graphql-js (lookups of users by id, first/status arguments).
/// </summary>
internal static class BenchSchema
{
    /// <summary>The engine for the benchmark; <paramref name="documentCacheSize"/> 0 makes every Prepare parse and validate.</summary>
    /// <param name="deferAndStream">Give the schema @defer/@stream (the incremental case); off for the others, as before.</param>
    public static GraphQLEngine CreateEngine(string folder, int documentCacheSize, bool deferAndStream = false)
    {
        var data = JsonSerializer.Deserialize<BenchData>(
            File.ReadAllText(Path.Combine(folder, "data.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("data.json is empty.");
        var users = data.Users.ToDictionary(u => u.Id, StringComparer.Ordinal);
        BenchUser? User(string? id) => id is null ? null : users.GetValueOrDefault(id);

        var schema = SchemaBuilder.FromSdl(File.ReadAllText(Path.Combine(folder, "schema.graphql")))
            .BindField("Query", "workspace", ctx => data.Workspaces.FirstOrDefault(w => w.Id == ctx.GetArgument<string>("id")))
            .BindField("Query", "viewer", _ => User(data.ViewerId))
            .BindField("User", "id", ctx => ((BenchUser)ctx.Source!).Id)
            .BindField("User", "name", ctx => ((BenchUser)ctx.Source!).Name)
            .BindField("User", "email", ctx => ((BenchUser)ctx.Source!).Email)
            .BindField("User", "avatarUrl", ctx => ((BenchUser)ctx.Source!).AvatarUrl)
            .BindField("User", "role", ctx => ((BenchUser)ctx.Source!).Role)
            .BindField("Workspace", "id", ctx => ((BenchWorkspace)ctx.Source!).Id)
            .BindField("Workspace", "name", ctx => ((BenchWorkspace)ctx.Source!).Name)
            .BindField("Workspace", "slug", ctx => ((BenchWorkspace)ctx.Source!).Slug)
            .BindField("Workspace", "createdAt", ctx => ((BenchWorkspace)ctx.Source!).CreatedAt)
            .BindField("Workspace", "members", ctx => ((BenchWorkspace)ctx.Source!).MemberIds.Select(User).ToList())
            .BindField("Workspace", "projects", ctx => ((BenchWorkspace)ctx.Source!).Projects.Take(ctx.GetArgument<int>("first")).ToList())
            .BindField("Project", "id", ctx => ((BenchProject)ctx.Source!).Id)
            .BindField("Project", "name", ctx => ((BenchProject)ctx.Source!).Name)
            .BindField("Project", "description", ctx => ((BenchProject)ctx.Source!).Description)
            .BindField("Project", "archived", ctx => ((BenchProject)ctx.Source!).Archived)
            .BindField("Project", "createdAt", ctx => ((BenchProject)ctx.Source!).CreatedAt)
            .BindField("Project", "owner", ctx => User(((BenchProject)ctx.Source!).OwnerId))
            .BindField("Project", "taskCount", ctx => ((BenchProject)ctx.Source!).Tasks.Count)
            .BindField("Project", "tasks", ctx =>
            {
                var status = ctx.GetArgument<string>("status");
                var tasks = ((BenchProject)ctx.Source!).Tasks;
                return (status is null ? tasks : tasks.Where(t => t.Status == status)).Take(ctx.GetArgument<int>("first")).ToList();
            })
            .BindField("Task", "id", ctx => ((BenchTask)ctx.Source!).Id)
            .BindField("Task", "title", ctx => ((BenchTask)ctx.Source!).Title)
            .BindField("Task", "description", ctx => ((BenchTask)ctx.Source!).Description)
            .BindField("Task", "status", ctx => ((BenchTask)ctx.Source!).Status)
            .BindField("Task", "priority", ctx => ((BenchTask)ctx.Source!).Priority)
            .BindField("Task", "estimate", ctx => ((BenchTask)ctx.Source!).Estimate)
            .BindField("Task", "dueAt", ctx => ((BenchTask)ctx.Source!).DueAt)
            .BindField("Task", "createdAt", ctx => ((BenchTask)ctx.Source!).CreatedAt)
            .BindField("Task", "assignee", ctx => User(((BenchTask)ctx.Source!).AssigneeId))
            .BindField("Task", "reporter", ctx => User(((BenchTask)ctx.Source!).ReporterId))
            .BindField("Task", "labels", ctx => ((BenchTask)ctx.Source!).Labels)
            .BindField("Task", "comments", ctx => ((BenchTask)ctx.Source!).Comments.Take(ctx.GetArgument<int>("first")).ToList())
            .BindField("Task", "watchers", ctx => ((BenchTask)ctx.Source!).WatcherIds.Select(User).ToList())
            .BindField("Label", "id", ctx => ((BenchLabel)ctx.Source!).Id)
            .BindField("Label", "name", ctx => ((BenchLabel)ctx.Source!).Name)
            .BindField("Label", "color", ctx => ((BenchLabel)ctx.Source!).Color)
            .BindField("Comment", "id", ctx => ((BenchComment)ctx.Source!).Id)
            .BindField("Comment", "body", ctx => ((BenchComment)ctx.Source!).Body)
            .BindField("Comment", "createdAt", ctx => ((BenchComment)ctx.Source!).CreatedAt)
            .BindField("Comment", "author", ctx => User(((BenchComment)ctx.Source!).AuthorId))
            .BindField("Comment", "reactions", ctx => ((BenchComment)ctx.Source!).Reactions)
            .BindField("Reaction", "emoji", ctx => ((BenchReaction)ctx.Source!).Emoji)
            .BindField("Reaction", "count", ctx => ((BenchReaction)ctx.Source!).Count)
            .BindRuntimeType<BenchUser>("User")
            .BindRuntimeType<BenchWorkspace>("Workspace")
            .BindRuntimeType<BenchProject>("Project")
            .BindRuntimeType<BenchTask>("Task")
            .BindRuntimeType<BenchComment>("Comment");
        if (deferAndStream)
        {
            schema.AddDeferAndStreamDirectives();
        }

        return GraphQLEngine.Create(schema.Build(), new GraphQLEngineOptions { DocumentCacheSize = documentCacheSize });
    }
}
