namespace TaskForge.Projections.Daemon;

/// <summary>Which generation of a projection serves readers, and which one is being built beside it.</summary>
public sealed record GenerationState(int Active, int ActiveVersion, int? Building, int? BuildingVersion, bool RebuildRequested)
{
    /// <summary>True when a new generation should start: an admin asked, or the code is newer than the serving generation.</summary>
    public bool NeedsBuild(int codeVersion) => Building is null && (RebuildRequested || codeVersion > ActiveVersion);

    /// <summary>True when a newer version of the projection serves or is being built (this node runs old code).</summary>
    public bool IsNewerThan(int codeVersion) => ActiveVersion > codeVersion || BuildingVersion > codeVersion;
}
