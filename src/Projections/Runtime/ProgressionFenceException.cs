namespace TaskForge.Projections.Runtime;

/// <summary>A daemon batch reached its commit without having moved its shard's progression: another runner moved it first.</summary>
public sealed class ProgressionFenceException(string shardName)
    : Exception($"Projection shard '{shardName}' did not write its progression in this batch; another runner has applied this range. The batch is rolled back.")
{
    public string ShardName { get; } = shardName;
}
