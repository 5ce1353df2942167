using TaskForge.EventStore.Appending;

namespace TaskForge.Api.Commands.Appending;

internal static class SafeAppend
{
    /// <summary>
    /// Appends and maps the store's exceptions to outcomes. An append whose outcome is unknown (the connection broke
    /// after it was sent) is sent once more with the same event ids, which is safe: if the first one committed, the
    /// store answers AlreadyStored with its positions. A second unknown outcome is UNAVAILABLE.
    /// </summary>
    public static async Task<AppendOutcome> AppendSafelyAsync(
        this IEventAppender appender, string streamId, ExpectedVersion expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new AppendOutcome.Stored(await appender.AppendAsync(streamId, expected, events, cancellationToken));
            }
            catch (WrongExpectedVersionException e)
            {
                return new AppendOutcome.Conflict(e.CurrentVersion);
            }
            catch (EventIdReusedException e)
            {
                return new AppendOutcome.IdsReused(e.Message);
            }
            catch (AppendOutcomeUnknownException e) when (attempt == 2)
            {
                return new AppendOutcome.Unavailable(e.Message);
            }
            catch (AppendOutcomeUnknownException)
            {
                // Retried below with the same event ids.
            }
        }
    }
}
