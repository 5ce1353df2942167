using TaskForge.Api.Commands.Plans;

namespace TaskForge.Api.Commands.Messaging;

/// <summary>The message every domain command travels in through Wolverine: the command's plan and what the request adds.</summary>
public sealed record ExecuteCommand(CommandPlan Plan, CommandOptions Options);
