using System.Reflection;
using TaskForge.Api.Accounts;
using TaskForge.Api.Audit;
using TaskForge.Api.Comments;
using TaskForge.Api.Inbox;
using TaskForge.Api.Projects;
using TaskForge.Api.Realtime;
using TaskForge.Api.Tasks;
using TaskForge.Api.Workspaces;
using TaskForge.GraphQL.Types;

namespace TaskForge.Api.Schema;

/// <summary>
/// TaskForge's GraphQL schema: the SDL of every feature folder (embedded <c>*.graphql</c> files) bound to its resolvers.
/// The printed schema is checked in as a snapshot (tests), so a change to the public API is always reviewed.
/// </summary>
public static class TaskForgeSchema
{
    /// <summary>The SDL documents, in a stable order.</summary>
    public static IReadOnlyList<string> SdlDocuments()
    {
        var assembly = typeof(TaskForgeSchema).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".graphql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => Read(assembly, name))];
    }

    public static GraphQL.Types.Schema Build(IServiceProvider services)
    {
        var builder = new SchemaBuilder();
        foreach (var sdl in SdlDocuments())
        {
            builder.AddSdl(sdl);
        }

        return builder
            .BindScalar("DateTime", StandardScalars.DateTime)
            .BindScalar("EventId", EventIdScalar.Instance)
            .BindScalar("JSON", StandardScalars.Json)
            .BindNodes()
            .BindAccounts(services)
            .BindWorkspaces(services)
            .BindWorkspaceMutations(services)
            .BindProjects(services)
            .BindProjectMutations(services)
            .BindTasks(services)
            .BindTaskMutations(services)
            .BindComments()
            .BindCommentMutations(services)
            .BindInbox(services)
            .BindInboxMutations(services)
            .BindRealtime(services)
            .BindAudit(services)
            .Build();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
