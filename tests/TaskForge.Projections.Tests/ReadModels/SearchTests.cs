using TaskForge.Domain.Comments;
using TaskForge.Domain.Tasks;
using TaskForge.Projections.Tests.Support;

namespace TaskForge.Projections.Tests.ReadModels;

public sealed class SearchTests(ReadModelFixture fixture) : IClassFixture<ReadModelFixture>
{
    [Fact]
    public async Task Given_tasks_and_comments_When_searching_Then_matches_are_ranked_title_first_with_stemming()
    {
        var word = "zephyr" + Guid.NewGuid().ToString("N")[..6];
        var workspace = await TestWorkspace.CreateAsync(fixture.Log);
        var project = await workspace.CreateProjectAsync();
        var inTitle = await project.CreateTaskAsync(workspace.Owner, $"Deploy {word} service");
        var inBody = await project.CreateTaskAsync(workspace.Owner, "Unrelated", $"we are deploying {word} next week");
        var other = await project.CreateTaskAsync(workspace.Owner, "Other");
        var (comment, _) = await project.CommentAsync(workspace.Owner, other, $"blocked by {word} deployments");
        await project.CreateTaskAsync(workspace.Owner, $"{word} without the verb");
        await fixture.CaughtUpAsync();

        var hits = await fixture.Search.SearchAsync(workspace.Owner, $"deploy {word}");

        Assert.Equal(3, hits.Count);
        Assert.Equal(inTitle, hits[0].DocumentId);
        Assert.Equal(new[] { inBody, comment }.Order(), hits.Skip(1).Select(h => h.DocumentId).Order());
        var commentHit = hits.Single(h => h.Kind == "comment");
        Assert.Equal((other, "Other"), (commentHit.TaskId, commentHit.TaskTitle));
        Assert.Contains("<b>", commentHit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_edits_and_deletions_When_searching_Then_the_index_follows_them()
    {
        var (old, fresh) = ("quasar" + Guid.NewGuid().ToString("N")[..6], "pulsar" + Guid.NewGuid().ToString("N")[..6]);
        var workspace = await TestWorkspace.CreateAsync(fixture.Log);
        var project = await workspace.CreateProjectAsync();
        var task = await project.CreateTaskAsync(workspace.Owner, old);
        await project.TaskEventAsync(workspace.Owner, new TaskEvent.TaskRenamed(task, project.Id, workspace.Id, fresh));
        var (comment, _) = await project.CommentAsync(workspace.Owner, task, $"{fresh} noted");
        await project.CommentEventAsync(workspace.Owner, new CommentEvent.CommentDeleted(comment, task, project.Id, workspace.Id));
        await fixture.CaughtUpAsync();

        Assert.Empty(await fixture.Search.SearchAsync(workspace.Owner, old));
        Assert.Equal([task], (await fixture.Search.SearchAsync(workspace.Owner, fresh)).Select(h => h.DocumentId));

        await project.TaskEventAsync(workspace.Owner, new TaskEvent.TaskDeleted(task, project.Id, workspace.Id));
        await fixture.CaughtUpAsync();
        Assert.Empty(await fixture.Search.SearchAsync(workspace.Owner, fresh));
    }

    [Fact]
    public async Task Given_two_workspaces_When_searching_Then_a_user_finds_only_their_workspaces_tasks()
    {
        var word = "nebula" + Guid.NewGuid().ToString("N")[..6];
        var mine = await TestWorkspace.CreateAsync(fixture.Log, "Mine");
        var theirs = await TestWorkspace.CreateAsync(fixture.Log, "Theirs");
        var myTask = await (await mine.CreateProjectAsync()).CreateTaskAsync(mine.Owner, word);
        await (await theirs.CreateProjectAsync()).CreateTaskAsync(theirs.Owner, word);
        await fixture.CaughtUpAsync();

        Assert.Equal([myTask], (await fixture.Search.SearchAsync(mine.Owner, word)).Select(h => h.DocumentId));
        Assert.Empty(await fixture.Search.SearchAsync(Guid.NewGuid(), word));
    }

    [Fact]
    public async Task Given_a_title_with_markup_When_searching_Then_the_snippet_shows_it_as_text_and_only_the_match_in_bold()
    {
        var word = "rocket" + Guid.NewGuid().ToString("N")[..6];
        var workspace = await TestWorkspace.CreateAsync(fixture.Log);
        var project = await workspace.CreateProjectAsync();
        await project.CreateTaskAsync(workspace.Owner, $"{word} \uE001<img src=x onerror=alert(1)> & \"friends\" end");
        await fixture.CaughtUpAsync();

        var hit = Assert.Single(await fixture.Search.SearchAsync(workspace.Owner, word));

        Assert.Equal($"<b>{word}</b> &lt;img src=x onerror=alert(1)&gt; &amp; &quot;friends&quot; end", hit.Snippet); // short: shown whole
        Assert.Equal(2, hit.Snippet.Count(c => c == '<')); // <b> and </b>, nothing else
    }

    [Fact]
    public async Task Given_a_query_still_being_typed_When_searching_Then_its_last_word_matches_as_a_prefix_and_is_marked()
    {
        var tag = "k" + Guid.NewGuid().ToString("N")[..8];
        var workspace = await TestWorkspace.CreateAsync(fixture.Log);
        var project = await workspace.CreateProjectAsync();
        var launch = await project.CreateTaskAsync(workspace.Owner, $"{tag} launch the service");
        var announcement = await project.CreateTaskAsync(workspace.Owner, $"{tag} write the announcement");
        await project.CreateTaskAsync(workspace.Owner, $"{tag} launder the money");
        await fixture.CaughtUpAsync();

        async Task<IReadOnlyList<Guid>> FindAsync(string query) => (await fixture.Search.SearchAsync(workspace.Owner, query)).Select(h => h.DocumentId).ToList();

        Assert.Equal([launch], await FindAsync($"{tag} launc"));
        Assert.Equal([announcement], await FindAsync($"{tag} announcem")); // longer than the stem 'announc'
        Assert.Equal(2, (await FindAsync($"{tag} laun")).Count);
        Assert.Empty(await FindAsync($"{tag} launc ")); // a finished word matches whole words only
        Assert.Empty(await FindAsync($"{tag} \"launc\""));
        Assert.StartsWith($"<b>{tag}</b> <b>launch</b>", (await fixture.Search.SearchAsync(workspace.Owner, $"{tag} launc"))[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_short_title_and_a_long_description_When_searching_Then_the_title_shows_whole_and_the_description_as_a_fragment()
    {
        var word = "comet" + Guid.NewGuid().ToString("N")[..6];
        var filler = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"filler{i}"));
        var workspace = await TestWorkspace.CreateAsync(fixture.Log);
        var project = await workspace.CreateProjectAsync();
        await project.CreateTaskAsync(workspace.Owner, $"Catch the {word} tonight");
        await project.CreateTaskAsync(workspace.Owner, "Observatory", $"{filler} then we point at the {word} and {filler}");
        await fixture.CaughtUpAsync();

        var hits = await fixture.Search.SearchAsync(workspace.Owner, word);

        Assert.Equal($"Catch the <b>{word}</b> tonight", hits.Single(h => h.TaskTitle.StartsWith("Catch", StringComparison.Ordinal)).Snippet);
        var fragment = hits.Single(h => h.TaskTitle == "Observatory").Snippet;
        Assert.Contains($"<b>{word}</b>", fragment, StringComparison.Ordinal);
        Assert.InRange(fragment.Split(' ').Length, 5, 20);
    }

    [Fact]
    public async Task Given_odd_queries_When_searching_Then_they_give_results_or_clear_errors_never_a_crash()
    {
        var owner = Guid.NewGuid();
        Assert.Empty(await fixture.Search.SearchAsync(owner, "   "));
        Assert.Empty(await fixture.Search.SearchAsync(owner, "\"unclosed & | ! ( :*"));
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Search.SearchAsync(owner, new string('x', 501)));
    }
}
