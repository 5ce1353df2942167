namespace TaskForge.Projections.Daemon;

/// <summary>The name under which a generation of a projection stores its checkpoint in the event store.</summary>
public static class CheckpointNames
{
    public static string For(string schema, string projection, int generation) => $"projection:{schema}:{projection}:g{generation}";
}
