using TaskForge.Api.Accounts;
using TaskForge.Api.Audit;
using TaskForge.Api.Commands;
using TaskForge.Api.Demo;
using TaskForge.Api.Hosting;
using TaskForge.Api.Operations;
using TaskForge.Api.Realtime;
using TaskForge.Api.Schema;
using TaskForge.Realtime.Hub;

if (CommandLineHelp.IsAsked(args))
{
    CommandLineHelp.Write(Console.Out);
    return 0;
}

var (demo, arguments) = DemoExtensions.TakeSwitch(args);
var (verifyIntegrity, hostArguments) = IntegrityVerification.TakeSwitch(arguments);
var builder = WebApplication.CreateBuilder(hostArguments);
WebApplication app;
try
{
    builder.AddTaskForgeOperations();
    await builder.AddTaskForgeStorageAsync();
    builder.AddTaskForgeAccounts();
    builder.Services.AddTaskForgeCommands();
    builder.AddTaskForgeGraphQL();
    builder.Services.AddSingleton<IScopeParser, GlobalIdScopeParser>();
    builder.Services.AddSingleton<IAccessTokenValidator, JwtAccessTokenValidator>();
    builder.AddTaskForgeRealtime();
    builder.Services.AddSingleton<TaskForge.Api.Commands.Conflicts.ISeenPosition, PublishedPosition>();
    builder.AddTaskForgeDemo(demo);
    builder.AddTaskForgeIntegrity();
    builder.AddTaskForgeAudit();
    app = builder.Build();
}
catch (ConfigurationError error)
{
    return await StartupFailure.ReportAsync(error, builder.Services, Console.Error);
}

if (verifyIntegrity is not null)
    return await IntegrityVerification.RunAsync(app, verifyIntegrity, Console.Out);

app.MapTaskForgeOperations();
app.UseTaskForgeAccounts();
app.MapTaskForgeGraphQL();
app.MapTaskForgeAudit();
app.MapTaskForgeRealtime();
try
{
    await app.RunAsync();
}
catch (Microsoft.Extensions.Options.OptionsValidationException error)
{
    // Settings validated when the host starts (ValidateOnStart), before any hosted service ran.
    return await StartupFailure.ReportAsync(error, builder.Services, Console.Error);
}

return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
