using TaskForge.Api.Accounts;
using TaskForge.Api.Commands;
using TaskForge.Api.Schema;
using TaskForge.Domain;
using TaskForge.Domain.Comments;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Api.Demo;

/// <summary>
/// A demo workspace: three people, a project with tasks across the board, assignments and comments with a mention.
/// Everything goes through the accounts service and the command path, as a client's requests would. Seeds once:
/// when the first demo user exists, it does nothing.
/// </summary>
public sealed class DemoSeeder(AccountService accounts, CommandHandler commands, ProjectionWaiter projections, TimeProvider clock)
{
    public const string Password = "taskforge-demo";
    public const string WorkspaceName = "Demo workspace";
    public const string ProjectName = "Website launch";

    public static IReadOnlyList<(string Email, string Name)> Users { get; } =
    [
        ("ada@demo.taskforge.test", "Ada Lovelace"),
        ("grace@demo.taskforge.test", "Grace Hopper"),
        ("linus@demo.taskforge.test", "Linus Torvalds"),
    ];

    private static readonly (string Title, int Column, int Assignee, TaskPriority Priority)[] Tasks =
    [
        ("Write the launch announcement", 0, 0, TaskPriority.High),
        ("Pick the domain name", 0, 1, TaskPriority.Medium),
        ("Design the landing page", 1, 1, TaskPriority.High),
        ("Set up the mailing list", 1, 2, TaskPriority.Low),
        ("Load-test the sign-up form", 2, 2, TaskPriority.Urgent),
        ("Buy the servers", 3, 0, TaskPriority.None),
    ];

    private readonly SemaphoreSlim _once = new(1, 1);
    private long _lastEventId;

    /// <summary>True when it seeded now, false when the demo was there already (concurrent calls wait for the first).</summary>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        await _once.WaitAsync(cancellationToken);
        try
        {
            return await accounts.FindByEmailAsync(Users[0].Email, cancellationToken) is null && await SeedNowAsync(cancellationToken);
        }
        finally
        {
            _once.Release();
        }
    }

    private async Task<bool> SeedNowAsync(CancellationToken cancellationToken)
    {
        var people = new List<UserProfile>();
        foreach (var (email, name) in Users)
        {
            people.Add(Expect(await accounts.RegisterAsync(email, Password, name, cancellationToken)).User);
        }

        var owner = people[0];
        var workspaceId = Guid.CreateVersion7();
        Check(await commands.HandleAsync(new WorkspaceCommand.CreateWorkspace(owner.Id, Now, workspaceId, WorkspaceName, owner.Email), null, cancellationToken));
        foreach (var person in people.Skip(1))
        {
            var invitationId = Guid.CreateVersion7();
            Check(await commands.HandleAsync(new WorkspaceCommand.InviteMember(owner.Id, Now, workspaceId, invitationId, person.Email, WorkspaceRole.Member), null, cancellationToken));
            Check(await commands.HandleAsync(new WorkspaceCommand.AcceptInvitation(person.Id, Now, workspaceId, invitationId, person.Email), null, cancellationToken));
        }

        var projectId = Guid.CreateVersion7();
        Check(await commands.HandleAsync(new ProjectCommand.CreateProject(owner.Id, Now, workspaceId, projectId, ProjectName,
            "Everything we need before the site goes live."), null, cancellationToken));
        var columns = DefaultBoard.For(projectId);
        var ranks = new Dictionary<Guid, string?>();
        var taskIds = new List<Guid>();
        foreach (var (title, column, assignee, priority) in Tasks)
        {
            var columnId = columns[column].ColumnId;
            var rank = Rank.After(ranks.GetValueOrDefault(columnId));
            ranks[columnId] = rank;
            var taskId = Guid.CreateVersion7();
            taskIds.Add(taskId);
            Check(await commands.HandleAsync(new TaskCommand.CreateTask(owner.Id, Now, workspaceId, projectId, taskId, title, Priority: priority,
                Labels: ["launch"], Assignees: [people[assignee].Id], ColumnId: columnId, Position: rank, DueDate: Now.AddDays(7 + column)), null, cancellationToken));
        }

        Check(await commands.HandleAsync(new CommentCommand.AddComment(people[1].Id, Now, workspaceId, projectId, taskIds[2], Guid.CreateVersion7(),
            $"First mock-ups are in the shared folder. @{owner.Email}, can you review them?"), null, cancellationToken));
        Check(await commands.HandleAsync(new CommentCommand.AddComment(owner.Id, Now, workspaceId, projectId, taskIds[2], Guid.CreateVersion7(),
            "Looks great. Let's go with the second one."), null, cancellationToken));

        // Say "seeded" only once the board, feed and notifications show it.
        await projections.WaitAsync(_lastEventId, ReadModelNames.All, TimeSpan.FromSeconds(30), cancellationToken);
        return true;
    }

    private DateTimeOffset Now => clock.GetUtcNow();

    private static T Expect<T>(AccountResult<T> result) => result is AccountResult<T>.Succeeded succeeded
        ? succeeded.Value
        : throw new InvalidOperationException($"Seeding the demo failed: {((AccountResult<T>.Failed)result).Message}");

    private void Check(CommandResult result)
    {
        switch (result)
        {
            case CommandResult.Failed failed:
                throw new InvalidOperationException($"Seeding the demo failed: {failed.Code} {failed.Error.Message}");
            case CommandResult.Succeeded { Positions.Count: > 0 } succeeded:
                _lastEventId = Math.Max(_lastEventId, succeeded.Positions[^1]);
                break;
        }
    }
}
