namespace TaskForge.Api.Demo;

public static class DemoExtensions
{
    public const string Switch = "--demo";

    /// <summary>
    /// Takes the <c>--demo</c> switch out of the command line, which the configuration's command-line parser would
    /// otherwise read as a key taking the next argument (<c>--demo --urls x</c>) as its value.
    /// </summary>
    public static (bool Demo, string[] Others) TakeSwitch(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return (args.Contains(Switch, StringComparer.Ordinal), [.. args.Where(a => a != Switch)]);
    }

    /// <summary>With <c>--demo</c> (see <see cref="TakeSwitch"/>) or <c>TaskForge:Demo=true</c>, seeds a demo workspace once the host runs.</summary>
    public static WebApplicationBuilder AddTaskForgeDemo(this WebApplicationBuilder builder, bool demo)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (demo || builder.Configuration.GetValue<bool>("TaskForge:Demo"))
        {
            builder.Services.AddSingleton<DemoSeeder>();
            builder.Services.AddHostedService<DemoStartup>();
        }

        return builder;
    }
}
