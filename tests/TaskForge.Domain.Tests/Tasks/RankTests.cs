using TaskForge.Domain.Tasks;

namespace TaskForge.Domain.Tests.Tasks;

public sealed class RankTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData(null, "i")]
    [InlineData("i", null)]
    [InlineData("a", "b")]
    [InlineData("a", "a1")]
    [InlineData("az", "b")]
    [InlineData(null, "01")]
    [InlineData(null, "1")]
    [InlineData("zz", null)]
    [InlineData("y", "z")]
    public void Given_two_ranks_When_between_is_asked_Then_the_result_sorts_strictly_between_and_is_valid(string? before, string? after)
    {
        var rank = Rank.Between(before, after);
        Assert.True(Rank.IsValid(rank), rank);
        if (before is not null)
            Assert.True(Rank.Compare(before, rank) < 0, $"{before} < {rank}");
        if (after is not null)
            Assert.True(Rank.Compare(rank, after) < 0, $"{rank} < {after}");
    }

    [Fact]
    public void Given_repeated_inserts_at_the_same_spot_When_ranks_are_made_Then_the_order_holds_and_ranks_stay_short()
    {
        var order = new List<string> { Rank.Initial };
        for (var i = 0; i < 200; i++)
        {
            order.Insert(1, Rank.Between(order[0], order.Count > 1 ? order[1] : null));
            order.Insert(0, Rank.Before(order[0]));
            order.Add(Rank.After(order[^1]));
        }

        Assert.Equal(order.OrderBy(r => r, StringComparer.Ordinal), order);
        Assert.Equal(order.Count, order.Distinct().Count());
        Assert.All(order, r => Assert.True(Rank.IsValid(r), r));
        Assert.True(order.Max(r => r.Length) < 60);
    }

    [Fact]
    public void Given_random_neighbours_When_between_is_asked_Then_it_always_fits()
    {
        var random = new Random(42);
        var ranks = new List<string> { Rank.Initial };
        for (var i = 0; i < 2000; i++)
        {
            var at = random.Next(ranks.Count + 1);
            ranks.Insert(at, Rank.Between(at == 0 ? null : ranks[at - 1], at == ranks.Count ? null : ranks[at]));
        }

        Assert.Equal(ranks.OrderBy(r => r, StringComparer.Ordinal), ranks);
    }

    [Theory]
    [InlineData("b", "a")]
    [InlineData("a", "a")]
    [InlineData("A", null)]
    [InlineData(null, "a0")]
    public void Given_bad_bounds_When_between_is_asked_Then_it_refuses(string? before, string? after) =>
        Assert.Throws<ArgumentException>(() => Rank.Between(before, after));
}
