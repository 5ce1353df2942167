namespace TaskForge.Projections.Daemon;

/// <summary>This node runs an older version of the projection than the one serving or being built: it leaves it to newer nodes.</summary>
public sealed class ProjectionVersionOutdatedException(string projection, int codeVersion, int storedVersion)
    : Exception($"Projection '{projection}' is at version {storedVersion} in the database, this node runs version {codeVersion}; it does not run it.");
