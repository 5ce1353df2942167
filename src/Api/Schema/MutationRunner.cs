using Microsoft.Extensions.Options;
using TaskForge.Api.Commands;
using TaskForge.Api.Commands.Idempotency;
using TaskForge.GraphQL.Execution;

namespace TaskForge.Api.Schema;

/// <summary>
/// The one way a GraphQL mutation runs a domain command: read the input, send the command through
/// <see cref="CommandHandler"/> (Wolverine), then wait (bounded) until the read models the payload shows have the
/// command's last event, so the payload reflects the change. The GraphQL layer decides nothing.
/// </summary>
public sealed class MutationRunner(CommandHandler commands, ProjectionWaiter waiter, TimeProvider clock, IOptions<GraphQLApiOptions> options)
{
    public CommandHandler Commands => commands;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <param name="objectField">The payload's field holding the changed object.</param>
    /// <param name="readModels">What the payload reads (see <see cref="ReadModelNames"/>).</param>
    /// <param name="execute">Builds and sends the command; returns its result and how to read the changed object.</param>
    public async ValueTask<object?> RunAsync(
        ResolveContext context,
        string objectField,
        IReadOnlyCollection<string> readModels,
        Func<Input, Caller, CommandOptions, CancellationToken, Task<(CommandResult Result, Func<Task<object?>>? Read)>> execute)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Require(context);
        CommandResult result;
        Func<Task<object?>>? read;
        try
        {
            var input = Input.Of(context);
            // A retry must match what the client asked, not values derived from read models that moved since (positions, counts).
            var options = input.Options() with
            {
                Intent = CanonicalInput.Of(context.FieldName, input.Fields),
                Origin = context.Items.TryGetValue(RequestOrigin.ItemKey, out var origin) ? origin as RequestOrigin : null,
            };
            (result, read) = await execute(input, caller, options, context.CancellationToken);
        }
        catch (InputException e)
        {
            return Payload.Failed(objectField, new MutationError(Domain.ErrorCodes.Validation, e.Message, e.Field));
        }

        if (result is CommandResult.Failed failed)
        {
            return Payload.Failed(objectField, MutationError.From(failed));
        }

        var succeeded = (CommandResult.Succeeded)result;
        var eventId = succeeded.Positions.Count > 0 ? succeeded.Positions[^1] : (long?)null;
        if (eventId is { } last)
        {
            await waiter.WaitAsync(last, readModels, options.Value.ReadYourWritesTimeout, context.CancellationToken);
        }

        var changed = read is null || !PayloadSelection.NeedsChangedObject(context) ? null : await read();
        return Payload.Succeeded(objectField, changed, eventId, succeeded.Version);
    }

    /// <summary>The id of what a create makes: derived from the idempotency key (a retry names the same thing), else new.</summary>
    public static Guid NewId(Caller caller, CommandOptions options, string kind)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(options);
        if (options.IdempotencyKey is null)
        {
            return Guid.CreateVersion7();
        }

        return IdempotencyKey.TryCreate(caller.Id, options.IdempotencyKey, out var key) is { } invalid
            ? throw new InputException(invalid.Message, "idempotencyKey")
            : key!.CreatedId(kind);
    }
}
