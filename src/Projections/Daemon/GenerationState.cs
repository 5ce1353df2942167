namespace TaskForge.Projections.Daemon;

/// <summary>Which generation of a projection serves readers, and which one is being built beside it.</summary>
public sealed record GenerationState(int Active, int ActiveVersion, int? Building, int? BuildingVersion, bool RebuildRequested)
{
    /// <summary>True when a new generation should start: an admin asked, or the code's version differs.</summary>
    public bool NeedsBuild(int codeVersion) => Building is null && (RebuildRequested || ActiveVersion != codeVersion);
}
