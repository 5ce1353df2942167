using TaskForge.Api.Commands;
using TaskForge.Api.Hosting;
using TaskForge.Api.Operations;

var builder = WebApplication.CreateBuilder(args);
builder.AddTaskForgeOperations();
await builder.AddTaskForgeStorageAsync();
builder.Services.AddTaskForgeCommands();

var app = builder.Build();
app.MapTaskForgeOperations();
await app.RunAsync();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
