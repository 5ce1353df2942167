using TaskForge.Api.Accounts;
using TaskForge.Api.Commands;
using TaskForge.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
await builder.AddTaskForgeStorageAsync();
builder.AddTaskForgeAccounts();
builder.Services.AddTaskForgeCommands();

var app = builder.Build();
app.UseTaskForgeAccounts();
app.MapTaskForgeHealth();
await app.RunAsync();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
