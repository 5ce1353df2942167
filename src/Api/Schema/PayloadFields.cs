namespace TaskForge.Api.Schema;

/// <summary>Several fields of a payload at once (an invitation and its workspace, a comment and its task).</summary>
public sealed class PayloadFields() : Dictionary<string, object?>(StringComparer.Ordinal);
