using TaskForge.Domain.Tasks;

namespace TaskForge.Domain.Tests.Tasks;

public sealed class RankTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData(null, "i0")]
    [InlineData("i0", null)]
    [InlineData("i0", "i1")]
    [InlineData("i0", "i0i")]
    [InlineData("iz", "j10")]
    [InlineData("izz", "j00")]
    [InlineData(null, "j00")]
    [InlineData(null, "hz")]
    [InlineData(null, "h0")]
    [InlineData("zzzzzzzzzzzzzzzzzzz", null)]
    [InlineData(null, "00000000000000000001")]
    [InlineData("i5", "i5001")]
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
    public void Given_a_column_When_10000_tasks_are_appended_Then_ranks_grow_and_stay_short()
    {
        var ranks = new List<string> { Rank.Initial };
        for (var i = 0; i < 10_000; i++)
            ranks.Add(Rank.After(ranks[^1]));
        Assert.Equal(ranks.Order(StringComparer.Ordinal), ranks);
        Assert.True(ranks.Max(r => r.Length) <= 4, ranks[^1]);
    }

    [Fact]
    public void Given_a_column_When_10000_tasks_are_put_first_Then_ranks_shrink_and_stay_short()
    {
        var ranks = new List<string> { Rank.Initial };
        for (var i = 0; i < 10_000; i++)
            ranks.Insert(0, Rank.Before(ranks[0]));
        Assert.Equal(ranks.Order(StringComparer.Ordinal), ranks);
        Assert.True(ranks.Max(r => r.Length) <= 4, ranks[0]);
    }

    [Fact]
    public void Given_repeated_inserts_at_the_same_spot_When_ranks_are_made_Then_the_order_holds_and_growth_is_bounded()
    {
        var low = Rank.Initial;
        var high = Rank.After(low);
        for (var i = 0; i < 500; i++)
        {
            var middle = Rank.Between(low, high);
            Assert.True(Rank.Compare(low, middle) < 0 && Rank.Compare(middle, high) < 0);
            high = middle;
        }

        Assert.True(high.Length <= 110, $"{high.Length}");
    }

    [Fact]
    public void Given_random_neighbours_When_between_is_asked_Then_it_always_fits()
    {
        var random = new Random(42);
        var ranks = new List<string> { Rank.Initial };
        for (var i = 0; i < 3000; i++)
        {
            var at = random.Next(ranks.Count + 1);
            ranks.Insert(at, Rank.Between(at == 0 ? null : ranks[at - 1], at == ranks.Count ? null : ranks[at]));
        }

        Assert.Equal(ranks.Order(StringComparer.Ordinal), ranks);
        Assert.All(ranks, r => Assert.True(Rank.IsValid(r), r));
        Assert.Equal(ranks.Count, ranks.Distinct().Count());
    }

    [Theory]
    [InlineData("i1", "i0")]
    [InlineData("i0", "i0")]
    [InlineData("A", null)]
    [InlineData(null, "i10")]
    [InlineData(null, "0000000000000000000")]
    public void Given_bad_bounds_When_between_is_asked_Then_it_refuses(string? before, string? after) =>
        Assert.Throws<ArgumentException>(() => Rank.Between(before, after));
}
