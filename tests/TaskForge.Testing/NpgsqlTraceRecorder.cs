using System.Collections.Concurrent;
using System.Diagnostics;

namespace TaskForge.Testing;

/// <summary>
/// Records the Npgsql activities (statements, connects) of one trace while it lives: what a piece of code sent to
/// PostgreSQL on behalf of the activity that was current when it ran.
/// </summary>
public sealed class NpgsqlTraceRecorder : IDisposable
{
    private readonly ConcurrentBag<string> _recorded = [];
    private readonly ActivityListener _listener;

    public NpgsqlTraceRecorder(ActivityTraceId traceId)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                    _recorded.Add(activity.DisplayName);
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The display names of the activities recorded so far (a statement's is its database, a connect's CONNECT).</summary>
    public IReadOnlyCollection<string> Recorded => _recorded;

    public void Dispose() => _listener.Dispose();
}
