using TaskForge.Domain.Comments;
using TaskForge.Domain.Tests.Support;
using static TaskForge.Domain.Comments.CommentCommand;
using static TaskForge.Domain.Comments.CommentEvent;
using static TaskForge.Domain.Tests.Support.CommentFixture;

namespace TaskForge.Domain.Tests.Comments;

public sealed class CommentTests
{
    private static AddComment Add(string body, Guid? actor = null) =>
        new(actor ?? Ids.Member, Ids.Now, Workspace, Project, TaskId, Comment, body);

    [Fact]
    public void Given_a_task_When_a_member_comments_Then_CommentAdded_with_the_author() =>
        When(Add("  Looks good \n")).Then(Added);

    [Fact]
    public void Given_a_task_When_a_comment_mentions_members_by_email_Then_CommentAdded_lists_their_ids_once() =>
        When(Add("@Admin@Example.com please check with @second@example.com, and @admin@example.com again."))
            .Then(new CommentAdded(Comment, TaskId, Project, Workspace, Ids.Member,
                "@Admin@Example.com please check with @second@example.com, and @admin@example.com again.", [Ids.Admin, Ids.SecondMember]));

    [Fact]
    public void Given_a_task_When_a_comment_mentions_a_non_member_Then_the_mention_resolves_to_nobody() =>
        When(Add("cc @outsider@example.com")).Then(new CommentAdded(Comment, TaskId, Project, Workspace, Ids.Member, "cc @outsider@example.com", []));

    [Fact]
    public void Given_an_added_comment_When_added_again_by_the_author_Then_no_events() =>
        WhenOnAdded(Add("Looks good")).ThenNothing();

    [Fact]
    public void Given_an_added_comment_When_its_id_is_reused_with_another_body_Then_ALREADY_EXISTS() =>
        WhenOnAdded(Add("Something else")).ThenError(ErrorCodes.AlreadyExists);

    [Theory]
    [InlineData("")]
    [InlineData(" \n ")]
    [InlineData("bell \u0007")]
    public void Given_a_task_When_a_bad_comment_is_added_Then_VALIDATION_naming_the_body(string body)
    {
        var error = When(Add(body)).ThenError(ErrorCodes.Validation);
        Assert.StartsWith("body", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_task_When_a_10001_character_comment_is_added_Then_VALIDATION() =>
        When(Add(new string('c', 10_001))).ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_a_task_When_a_10000_character_comment_is_added_Then_CommentAdded() =>
        Assert.IsType<CommentAdded>(Assert.Single(When(Add(new string('c', 10_000))).Decision.Events));

    [Theory]
    [InlineData("00000000-0000-0000-0000-0000000000f4")]
    [InlineData("00000000-0000-0000-0000-0000000000f5")]
    public void Given_a_task_When_a_viewer_or_auditor_comments_Then_FORBIDDEN(string actor) =>
        When(Add("hi", Guid.Parse(actor))).ThenError(ErrorCodes.Forbidden);

    [Fact]
    public void Given_a_task_When_an_outsider_comments_Then_NOT_FOUND() =>
        When(Add("hi", Ids.Outsider)).ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_a_deleted_task_When_a_member_comments_Then_NOT_FOUND() =>
        Scenario()
            .When(state => CommentDecider.Decide(Add("hi"), state, Context(task: ActiveTask(
                new Domain.Tasks.TaskEvent.TaskDeleted(TaskId, Project, Workspace)))))
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_a_task_of_another_workspace_When_a_member_comments_on_it_Then_NOT_FOUND() =>
        Scenario()
            .When(state => CommentDecider.Decide(Add("hi"), state, Context(task: new Scenario<Domain.Tasks.TaskState, Domain.Tasks.TaskEvent>(
                Domain.Tasks.TaskDecider.Evolve, Domain.Tasks.TaskDecider.Initial).Given(TaskFixture.Created with { WorkspaceId = Ids.OtherWorkspace }).State)))
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_a_comment_When_the_author_edits_it_Then_CommentEdited_with_the_new_mentions() =>
        WhenOnAdded(new EditComment(Ids.Member, Ids.Now, Workspace, Project, TaskId, Comment, "Looks good @owner@example.com"))
            .Then(new CommentEdited(Comment, TaskId, Project, Workspace, "Looks good @owner@example.com", [Ids.Owner]));

    [Fact]
    public void Given_a_comment_When_the_author_edits_it_to_the_same_body_Then_no_events() =>
        WhenOnAdded(new EditComment(Ids.Member, Ids.Now, Workspace, Project, TaskId, Comment, " Looks good "))
            .ThenNothing();

    [Theory]
    [InlineData("00000000-0000-0000-0000-0000000000f1")]
    [InlineData("00000000-0000-0000-0000-0000000000f7")]
    public void Given_a_comment_When_someone_other_than_the_author_edits_it_Then_FORBIDDEN(string actor) =>
        WhenOnAdded(new EditComment(Guid.Parse(actor), Ids.Now, Workspace, Project, TaskId, Comment, "mine now"))
            .ThenError(ErrorCodes.Forbidden);

    [Fact]
    public void Given_a_comment_When_edited_to_an_empty_body_Then_VALIDATION() =>
        WhenOnAdded(new EditComment(Ids.Member, Ids.Now, Workspace, Project, TaskId, Comment, "   "))
            .ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_no_comment_When_edited_Then_NOT_FOUND() =>
        When(new EditComment(Ids.Member, Ids.Now, Workspace, Project, TaskId, Comment, "x"))
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_a_comment_on_another_task_When_named_under_this_task_Then_NOT_FOUND() =>
        When(new EditComment(Ids.Member, Ids.Now, Workspace, Project, TaskId, Comment, "x"), Added with { TaskId = Guid.NewGuid() })
            .ThenError(ErrorCodes.NotFound);

    [Theory]
    [InlineData("00000000-0000-0000-0000-0000000000f3")]
    [InlineData("00000000-0000-0000-0000-0000000000f2")]
    [InlineData("00000000-0000-0000-0000-0000000000f1")]
    public void Given_a_comment_When_the_author_or_an_admin_or_owner_deletes_it_Then_CommentDeleted(string actor) =>
        WhenOnAdded(new DeleteComment(Guid.Parse(actor), Ids.Now, Workspace, Project, TaskId, Comment))
            .Then(new CommentDeleted(Comment, TaskId, Project, Workspace));

    [Fact]
    public void Given_a_comment_When_another_member_deletes_it_Then_FORBIDDEN() =>
        WhenOnAdded(new DeleteComment(Ids.SecondMember, Ids.Now, Workspace, Project, TaskId, Comment))
            .ThenError(ErrorCodes.Forbidden);

    [Fact]
    public void Given_a_comment_When_a_viewer_deletes_it_Then_FORBIDDEN() =>
        WhenOnAdded(new DeleteComment(Ids.Viewer, Ids.Now, Workspace, Project, TaskId, Comment))
            .ThenError(ErrorCodes.Forbidden);

    [Fact]
    public void Given_a_deleted_comment_When_deleted_again_Then_no_events() =>
        WhenOnAdded(new DeleteComment(Ids.Member, Ids.Now, Workspace, Project, TaskId, Comment), new CommentDeleted(Comment, TaskId, Project, Workspace))
            .ThenNothing();

    [Fact]
    public void Given_a_deleted_comment_When_edited_Then_NOT_FOUND() =>
        WhenOnAdded(new EditComment(Ids.Member, Ids.Now, Workspace, Project, TaskId, Comment, "back"), new CommentDeleted(Comment, TaskId, Project, Workspace))
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_comment_events_When_evolved_Then_the_state_follows_and_keeps_history_after_delete()
    {
        var state = Scenario().Given(
            Added,
            new CommentEdited(Comment, TaskId, Project, Workspace, "v2 @owner@example.com", [Ids.Owner]),
            new CommentDeleted(Comment, TaskId, Project, Workspace)).State;
        var deleted = Assert.IsType<CommentState.Deleted>(state);
        Assert.Equal(("v2 @owner@example.com", Ids.Member), (deleted.Details.Body, deleted.Details.AuthorId));
        Assert.Equal([Ids.Owner], deleted.Details.MentionedUserIds);
        Assert.Equal($"comment-{Comment:N}", Add("x").StreamId);
    }
}
