using TaskForge.Api.Accounts;
using TaskForge.Api.Commands;
using TaskForge.Api.Demo;
using TaskForge.Api.Hosting;
using TaskForge.Api.Operations;
using TaskForge.Api.Realtime;
using TaskForge.Api.Schema;
using TaskForge.Realtime.Hub;

var (demo, arguments) = DemoExtensions.TakeSwitch(args);
var builder = WebApplication.CreateBuilder(arguments);
builder.AddTaskForgeOperations();
await builder.AddTaskForgeStorageAsync();
builder.AddTaskForgeAccounts();
builder.Services.AddTaskForgeCommands();
builder.AddTaskForgeGraphQL();
builder.Services.AddSingleton<IScopeParser, GlobalIdScopeParser>();
builder.AddTaskForgeRealtime();
builder.AddTaskForgeDemo(demo);

var app = builder.Build();
app.MapTaskForgeOperations();
app.UseTaskForgeAccounts();
app.MapTaskForgeGraphQL();
app.MapTaskForgeRealtime();
await app.RunAsync();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
