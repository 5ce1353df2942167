using TaskForge.Api.Tasks;
using TaskForge.Domain.Tasks;
using TaskForge.Projections.Board;

namespace TaskForge.Api.Tests.GraphQL;

/// <summary>
/// Where moveTask puts a task among its neighbours' ranks, also when neighbours share a rank: two concurrent moves
/// between the same neighbours give both tasks one rank, and a drop next to them was an internal error.
/// </summary>
public sealed class BoardPositionsTests
{
    private static readonly Guid Column = Guid.NewGuid();
    private static readonly Guid Moved = Guid.NewGuid();

    [Fact]
    public void Between_two_distinct_neighbours_the_rank_is_strictly_between()
    {
        var (a, b) = (Card("i0"), Card("i1"));
        var rank = BoardPositions.Between(Board(a, b), Moved, Column, a.TaskId, b.TaskId);
        Assert.True(Rank.Compare(rank, "i0") > 0 && Rank.Compare(rank, "i1") < 0, rank);
    }

    [Fact]
    public void Bug_between_two_tied_neighbours_the_task_goes_right_after_the_tie()
    {
        // As the board shows them: D, then X and Y with one rank, then S.
        var (d, x, y, s) = (Card("i0"), Card("i0i"), Card("i0i"), Card("i1"));
        var board = Board(d, x, y, s);

        foreach (var (after, before) in new (Guid?, Guid?)[] { (x.TaskId, y.TaskId), (x.TaskId, null) })
        {
            var rank = BoardPositions.Between(board, Moved, Column, after, before);
            Assert.True(Rank.Compare(rank, "i0i") > 0 && Rank.Compare(rank, "i1") < 0, rank);
        }
    }

    [Fact]
    public void Bug_before_a_tied_neighbour_the_task_goes_right_before_the_tie()
    {
        var (d, x, y) = (Card("i0"), Card("i0i"), Card("i0i"));
        var rank = BoardPositions.Between(Board(d, x, y), Moved, Column, null, y.TaskId);
        Assert.True(Rank.Compare(rank, "i0") > 0 && Rank.Compare(rank, "i0i") < 0, rank);
    }

    [Fact]
    public void Bug_ties_at_either_end_of_the_column_have_no_bound_past_them()
    {
        var (x, y) = (Card("i0"), Card("i0"));
        var board = Board(x, y);
        Assert.True(Rank.Compare(BoardPositions.Between(board, Moved, Column, x.TaskId, null), "i0") > 0);
        Assert.True(Rank.Compare(BoardPositions.Between(board, Moved, Column, null, y.TaskId), "i0") < 0);
    }

    private static BoardCard Card(string rank) =>
        new(Guid.NewGuid(), rank, rank, TaskPriority.None, null, [], [], false, 0, 1, 1);

    private static BoardView Board(params BoardCard[] cards) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "Board", "", false, 1, 1, [new BoardColumnView(Column, "To do", cards)]);
}
