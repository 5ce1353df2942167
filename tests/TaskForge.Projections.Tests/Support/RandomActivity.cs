using TaskForge.Domain;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Projections.Tests.Support;

/// <summary>
/// A seeded stream of plausible domain activity across a few workspaces: members joining and leaving, projects and
/// columns, tasks created, assigned, watched, moved, completed, commented with mentions, renamed and deleted.
/// </summary>
public sealed class RandomActivity
{
    private readonly Random _random;
    private readonly List<(TestWorkspace Workspace, List<Guid> Members, List<TestProject> Projects)> _workspaces = [];
    private readonly List<(TestProject Project, Guid Task)> _tasks = [];

    private RandomActivity(int seed) => _random = new Random(seed);

    public static async Task<RandomActivity> StartAsync(DomainLog log, int seed, int workspaces = 3, int members = 6)
    {
        var activity = new RandomActivity(seed);
        for (var w = 0; w < workspaces; w++)
        {
            var people = Enumerable.Range(0, members).Select(_ => Guid.NewGuid()).ToList();
            var workspace = await TestWorkspace.CreateAsync(log, $"Workspace {w}", [.. people]);
            people.Add(workspace.Owner);
            activity._workspaces.Add((workspace, people, [await workspace.CreateProjectAsync($"Project {w}")]));
        }

        return activity;
    }

    /// <summary>Appends one random piece of activity.</summary>
    public async Task StepAsync()
    {
        var (workspace, members, projects) = _workspaces[_random.Next(_workspaces.Count)];
        var actor = members[_random.Next(members.Count)];
        var project = projects[_random.Next(projects.Count)];
        var roll = _random.Next(100);
        if (roll < 25 || _tasks.Count == 0)
        {
            var task = await project.CreateTaskAsync(actor, $"Task {_random.Next(1000)}", "some words to find", [Pick(members)], Rank(), _random.Next(4));
            _tasks.Add((project, task));
            return;
        }

        var (taskProject, taskId) = _tasks[_random.Next(_tasks.Count)];
        var (p, ws) = (taskProject.Id, taskProject.Workspace.Id);
        var someone = Pick(_workspaces.First(w => w.Workspace.Id == ws).Members);
        switch (roll)
        {
            case < 35: await taskProject.CommentAsync(actor, taskId, $"comment {_random.Next(1000)}", someone); break;
            case < 45: await taskProject.TaskEventAsync(actor, new TaskEvent.TaskAssigned(taskId, p, ws, someone)); break;
            case < 50: await taskProject.TaskEventAsync(actor, new TaskEvent.TaskUnassigned(taskId, p, ws, someone)); break;
            case < 57: await taskProject.TaskEventAsync(someone, new TaskEvent.TaskWatched(taskId, p, ws, someone)); break;
            case < 65:
                await taskProject.TaskEventAsync(actor, new TaskEvent.TaskMoved(taskId, p, ws, taskProject.Columns[0], taskProject.Columns[_random.Next(4)], Rank()));
                break;
            case < 70: await taskProject.TaskEventAsync(actor, new TaskEvent.TaskCompleted(taskId, p, ws)); break;
            case < 75: await taskProject.TaskEventAsync(actor, new TaskEvent.TaskRenamed(taskId, p, ws, $"Renamed {_random.Next(1000)}")); break;
            case < 78: await taskProject.TaskEventAsync(actor, new TaskEvent.TaskLabelAdded(taskId, p, ws, $"label{_random.Next(5)}")); break;
            case < 80: await taskProject.TaskEventAsync(actor, new TaskEvent.TaskDeleted(taskId, p, ws)); break;
            case < 85:
                await project.ProjectEventAsync(actor, new ProjectEvent.ColumnRenamed(project.Id, workspace.Id, project.Columns[_random.Next(4)], $"Col {_random.Next(9)}"));
                break;
            case < 90:
                var joiner = Guid.NewGuid();
                await workspace.AddMemberAsync(joiner);
                members.Add(joiner);
                break;
            case < 93 when members.Count > 3:
                var leaver = members[_random.Next(members.Count)];
                if (leaver != workspace.Owner)
                {
                    await workspace.WorkspaceEventAsync(workspace.Owner, new WorkspaceEvent.MemberRemoved(workspace.Id, leaver));
                    members.Remove(leaver);
                }

                break;
            case < 96:
                await workspace.WorkspaceEventAsync(workspace.Owner, new WorkspaceEvent.MemberRoleChanged(workspace.Id, Pick(members), WorkspaceRole.Member, WorkspaceRole.Admin));
                break;
            default:
                await workspace.Log.AppendOneAsync(StreamIds.Inbox(someone), someone, new Domain.Inboxes.InboxEvent.AllNotificationsRead(someone, long.MaxValue / 2));
                break;
        }
    }

    private Guid Pick(List<Guid> people) => people[_random.Next(people.Count)];

    private string Rank() => ((char)('b' + _random.Next(24))).ToString();
}
