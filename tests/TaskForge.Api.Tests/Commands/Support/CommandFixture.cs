using TaskForge.Api.Commands;
using TaskForge.Api.Commands.History;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Commands.Support;

/// <summary>A migrated event store on a database of its own, with the command handler over it.</summary>
public sealed class CommandFixture : EventStoreFixture
{
    private CommandHandler? _handler;

    public CommandHandler Handler => _handler ?? throw new InvalidOperationException("The fixture is not initialised.");

    public HistoryReader History => new(Store);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _handler = new CommandHandler(Store);
    }

    /// <summary>A handler whose appends go through <paramref name="wrap"/> (to interleave writers or break connections).</summary>
    internal CommandHandler HandlerWith(Func<Api.Commands.Appending.IEventAppender, Api.Commands.Appending.IEventAppender> wrap) =>
        new(Store, wrap(new Api.Commands.Appending.StoreAppender(Store)));
}
