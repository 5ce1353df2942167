using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.GraphQL;

/// <summary>An invitation from the invited person's side: who sent it, and saying no.</summary>
public sealed class InvitationTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task Given_an_invitation_When_the_invitee_reads_it_Then_it_names_who_sent_it_and_the_admins_list_shows_it_too()
    {
        using var ada = await api.SignUpAsync("ada");
        using var bob = await api.SignUpAsync("bob");
        var workspaceId = await ApiSeed.WorkspaceAsync(ada, "Invitations");
        await ApiSeed.InviteAsync(ada, workspaceId, bob.Email!);

        var mine = (await bob.QueryAsync("{ me { invitations { workspaceName invitedBy { id name } } } }")).Data("me").GetProperty("invitations");
        var theirs = (await ada.QueryAsync("query($ws: ID!) { workspace(id: $ws) { invitations { nodes { email invitedBy { id } } } } }", new { ws = workspaceId }))
            .Data("workspace").GetProperty("invitations").GetProperty("nodes");

        Assert.Equal(("Invitations", ada.UserId, "ada"), (mine[0].GetProperty("workspaceName").GetString(),
            mine[0].GetProperty("invitedBy").GetProperty("id").GetString(), mine[0].GetProperty("invitedBy").GetProperty("name").GetString()));
        Assert.Equal(ada.UserId, theirs[0].GetProperty("invitedBy").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Given_an_invitation_When_the_invitee_declines_Then_it_is_gone_for_both_a_retry_changes_nothing_and_the_members_feed_says_so()
    {
        using var ada = await api.SignUpAsync("ada");
        using var bob = await api.SignUpAsync("bob");
        var workspaceId = await ApiSeed.WorkspaceAsync(ada, "Declined");
        var invitationId = await ApiSeed.InviteAsync(ada, workspaceId, bob.Email!);

        var declined = (await DeclineAsync(bob, invitationId)).Payload("declineInvitation");
        var again = (await DeclineAsync(bob, invitationId)).Payload("declineInvitation");

        Assert.True(ApiSeed.EventId(declined) > 0);
        Assert.Equal(0, ApiSeed.EventId(again));
        Assert.Equal(0, (await bob.QueryAsync("{ me { invitations { id } } }")).Data("me").GetProperty("invitations").GetArrayLength());
        var pending = (await ada.QueryAsync("query($ws: ID!) { workspace(id: $ws) { invitations { totalCount } } }", new { ws = workspaceId }))
            .Data("workspace").GetProperty("invitations").GetProperty("totalCount").GetInt32();
        Assert.Equal(0, pending);
        var feed = (await ada.QueryAsync("{ feed(first: 1) { nodes { verb summary actor { id } } } }", minEventId: ApiSeed.EventId(declined)))
            .Data("feed").GetProperty("nodes")[0];
        Assert.Equal(("declined_invitation", bob.UserId), (feed.GetProperty("verb").GetString(), feed.GetProperty("actor").GetProperty("id").GetString()));

        var accept = (await bob.MutateAsync("mutation($id: ID!) { acceptInvitation(input: { invitationId: $id }) { workspace { id } errors { code } } }", new { id = invitationId }))
            .Data("acceptInvitation");
        Assert.Equal("NOT_FOUND", accept.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Given_an_invitation_for_someone_else_When_a_stranger_declines_it_Then_NOT_FOUND_and_it_stays_pending()
    {
        using var ada = await api.SignUpAsync("ada");
        using var bob = await api.SignUpAsync("bob");
        using var eve = await api.SignUpAsync("eve");
        var workspaceId = await ApiSeed.WorkspaceAsync(ada, "Not yours");
        var invitationId = await ApiSeed.InviteAsync(ada, workspaceId, bob.Email!);

        var refused = (await DeclineAsync(eve, invitationId)).Data("declineInvitation");

        Assert.Equal("NOT_FOUND", refused.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(1, (await bob.QueryAsync("{ me { invitations { id } } }")).Data("me").GetProperty("invitations").GetArrayLength());
    }

    private static Task<GraphQLResponse> DeclineAsync(GraphQLClient invitee, string invitationId) =>
        invitee.MutateAsync("mutation($id: ID!) { declineInvitation(input: { invitationId: $id }) { invitation { id } workspace { id } eventId errors { code message } } }",
            new { id = invitationId });
}
